import { getClient } from '../../../domain/clients/client-queries'
import type { OrgContext } from '../../trpc'
import type { ClientByIdInput } from './by-id.schema'

export function byIdHandler({ ctx, input }: { ctx: OrgContext; input: ClientByIdInput }) {
  return getClient(ctx.organizationId, input.clientId)
}
