import { listMessages } from '../../../domain/conversations/conversation-queries'
import type { OrgContext } from '../../trpc'
import type { MessageListInput } from './messages.schema'

/** A page of one conversation's messages, ending before `cursor`. */
export function messagesHandler({ ctx, input }: { ctx: OrgContext; input: MessageListInput }) {
  return listMessages(ctx.organizationId, input.conversationId, input.limit, input.cursor, ctx.user)
}
