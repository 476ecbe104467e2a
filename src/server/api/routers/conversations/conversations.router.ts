import { getConversation, listConversations, listMessages } from '../../../domain/conversations/conversation-queries'
import { createTRPCRouter, orgProcedure } from '../../trpc'
import { conversationByIdInput, conversationListInput, messageListInput } from './conversations.schema'

export const conversationsRouter = createTRPCRouter({
  list: orgProcedure.input(conversationListInput).query(({ ctx, input }) => listConversations(ctx.organizationId, input)),
  byId: orgProcedure
    .input(conversationByIdInput)
    .query(({ ctx, input }) => getConversation(ctx.organizationId, input.conversationId)),
  messages: orgProcedure
    .input(messageListInput)
    .query(({ ctx, input }) => listMessages(ctx.organizationId, input.conversationId, input.limit, input.before)),
})
