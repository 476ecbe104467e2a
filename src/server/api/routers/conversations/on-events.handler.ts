import { getConversation } from '../../../domain/conversations/conversation-queries'
import { keepOnline } from '../../../domain/conversations/presence'
import { conversationVisibleTo, viewerIsRestricted } from '../../../domain/conversations/visibility'
import type { OrgContext } from '../../trpc'
import { streamOrgEvents } from '../_shared/stream-org-events'
import type { ConversationEventsInput } from './on-events.schema'

/**
 * Live changes for ConversationView and the conversation list: new messages, status changes of
 * outgoing ones, reordering; notes and system lines, and the caller's own @mentions. Optionally only
 * one conversation's. Resumable by last event id. An operator limited to their own and unassigned
 * conversations gets only theirs (checked per event, so a reassignment takes effect at once). An open
 * stream also keeps its user "online" for round-robin distribution (presence.ts).
 */
export async function* onEventsHandler({ ctx, input, signal }: { ctx: OrgContext; input: ConversationEventsInput; signal?: AbortSignal }) {
  // A conversation of another organization (or one hidden from this operator) is not found, before anything streams.
  if (input?.conversationId) await getConversation(ctx.organizationId, input.conversationId, ctx.user)
  const restricted = await viewerIsRestricted(ctx.organizationId, ctx.user)
  const stopPresence = keepOnline(ctx.organizationId, ctx.user.id, signal)
  try {
    yield* streamOrgEvents({
      organizationId: ctx.organizationId,
      userId: ctx.user.id,
      // governor.state too: the shell's banner listens on this one stream rather than opening another (browsers allow 6 per host).
      types: ['message.created', 'message.updated', 'conversation.updated', 'conversation.entry', 'mention.created', 'governor.state'],
      lastEventId: input?.lastEventId,
      signal,
      filter: async (event) => {
        if (event.type === 'governor.state') return !input?.conversationId
        if (event.type === 'mention.created' && event.data.userId !== ctx.user.id) return false
        if (input?.conversationId && event.data.conversationId !== input.conversationId) return false
        return !restricted || conversationVisibleTo(ctx.organizationId, ctx.user, event.data.conversationId)
      },
      map: (event) => event,
    })
  } finally {
    stopPresence()
  }
}
