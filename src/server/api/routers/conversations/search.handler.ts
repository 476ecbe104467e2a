import { searchInbox } from '../../../domain/conversations/inbox-search'
import type { OrgContext } from '../../trpc'
import type { InboxSearchInput } from './search.schema'

/** Conversations by client name or phone, and messages by text, of the caller's organization. */
export function searchHandler({ ctx, input }: { ctx: OrgContext; input: InboxSearchInput }) {
  return searchInbox(ctx.organizationId, input.query, { limit: input.limit })
}
