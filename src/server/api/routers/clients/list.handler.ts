import { listClients } from '../../../domain/clients/client-queries'
import type { OrgContext } from '../../trpc'
import type { ClientListInput } from './list.schema'

/** A page of the organization's clients, filtered by search, status and language. */
export function listHandler({ ctx, input }: { ctx: OrgContext; input: ClientListInput }) {
  return listClients(ctx.organizationId, input)
}
