import { searchInbox } from '../../../domain/conversations/inbox-search'
import { visibleConversationsSql } from '../../../domain/conversations/visibility'
import type { OrgContext } from '../../trpc'
import type { InboxSearchInput } from './search.schema'

/** Conversations by client name or phone, and messages by text, of the caller's organization (only those the caller may see). */
export async function searchHandler({ ctx, input }: { ctx: OrgContext; input: InboxSearchInput }) {
  const visible = await visibleConversationsSql(ctx.organizationId, ctx.user)
  return searchInbox(ctx.organizationId, input.query, { limit: input.limit, ...(visible ? { visible } : {}) })
}
