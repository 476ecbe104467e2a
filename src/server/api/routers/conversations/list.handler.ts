import { listConversations } from '../../../domain/conversations/conversation-queries'
import type { OrgContext } from '../../trpc'
import type { ConversationListInput } from './list.schema'

/** A page of the organization's conversations, most recent first. */
export function listHandler({ ctx, input }: { ctx: OrgContext; input: ConversationListInput }) {
  return listConversations(ctx.organizationId, input, ctx.user)
}
