import { getConversation } from '../../../domain/conversations/conversation-queries'
import type { OrgContext } from '../../trpc'
import { streamOrgEvents } from '../_shared/stream-org-events'
import type { ConversationEventsInput } from './on-events.schema'

/**
 * Live changes for ConversationView and the conversation list: new messages, status changes of
 * outgoing ones, reordering. Optionally only one conversation's. Resumable by last event id.
 */
export async function* onEventsHandler({ ctx, input, signal }: { ctx: OrgContext; input: ConversationEventsInput; signal?: AbortSignal }) {
  // A conversation of another organization is not found, before anything streams.
  if (input?.conversationId) await getConversation(ctx.organizationId, input.conversationId)
  yield* streamOrgEvents({
    organizationId: ctx.organizationId,
    userId: ctx.user.id,
    types: ['message.created', 'message.updated', 'conversation.updated'],
    lastEventId: input?.lastEventId,
    signal,
    filter: (event) => !input?.conversationId || event.data.conversationId === input.conversationId,
    map: (event) => event,
  })
}
