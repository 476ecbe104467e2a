import { deleteClient } from '../../../domain/clients/delete-client'
import type { OrgContext } from '../../trpc'
import type { DeleteClientInput } from './delete.schema'

export async function deleteClientHandler({ ctx, input }: { ctx: OrgContext; input: DeleteClientInput }) {
  const deleted = await deleteClient(ctx.organizationId, input.clientId, ctx.user.id)
  return { deleted: true, ...deleted }
}
