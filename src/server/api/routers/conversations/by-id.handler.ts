import { getConversation } from '../../../domain/conversations/conversation-queries'
import type { OrgContext } from '../../trpc'
import type { ConversationByIdInput } from './by-id.schema'

export function byIdHandler({ ctx, input }: { ctx: OrgContext; input: ConversationByIdInput }) {
  return getConversation(ctx.organizationId, input.conversationId, ctx.user)
}
