import { listEntries } from '../../../domain/conversations/conversation-entries'
import type { OrgContext } from '../../trpc'
import type { ConversationByIdInput } from './by-id.schema'

/** The thread's notes and system lines (the newest 200), oldest first. */
export function entriesHandler({ ctx, input }: { ctx: OrgContext; input: ConversationByIdInput }) {
  return listEntries(ctx.organizationId, ctx.user, input.conversationId)
}
