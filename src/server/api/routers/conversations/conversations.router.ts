import { tracked } from '@trpc/server'
import { getConversation, listConversations, listMessages } from '../../../domain/conversations/conversation-queries'
import { getEventBus } from '../../../events/event-bus'
import { createTRPCRouter, orgProcedure } from '../../trpc'
import { conversationByIdInput, conversationEventsInput, conversationListInput, messageListInput } from './conversations.schema'

export const conversationsRouter = createTRPCRouter({
  list: orgProcedure.input(conversationListInput).query(({ ctx, input }) => listConversations(ctx.organizationId, input)),
  byId: orgProcedure
    .input(conversationByIdInput)
    .query(({ ctx, input }) => getConversation(ctx.organizationId, input.conversationId)),
  messages: orgProcedure
    .input(messageListInput)
    .query(({ ctx, input }) => listMessages(ctx.organizationId, input.conversationId, input.limit, input.cursor)),

  /**
   * Live changes for ConversationView and the conversation list: new messages, status changes of
   * outgoing ones, reordering. Optionally only one conversation's. Resumable by last event id.
   */
  onEvents: orgProcedure.input(conversationEventsInput).subscription(async function* ({ ctx, input, signal }) {
    if (input?.conversationId) await getConversation(ctx.organizationId, input.conversationId)
    const bus = getEventBus()
    const after = input?.lastEventId ?? (await bus.lastId(ctx.organizationId))
    const types: Array<'message.created' | 'message.updated' | 'conversation.updated'> = ['message.created', 'message.updated', 'conversation.updated']
    for await (const delivered of bus.subscribe(ctx.organizationId, { types, lastEventId: after, signal })) {
      if (input?.conversationId && delivered.event.data.conversationId !== input.conversationId) continue
      yield tracked(delivered.id, delivered.event)
    }
  }),
})
