import { claimOnReply } from '../../../domain/conversations/assignment'
import { assertConversationVisible } from '../../../domain/conversations/visibility'
import { acceptOutgoing } from '../../../domain/messages/send-service'
import type { OrgContext } from '../../trpc'
import { senderOf } from './message-sender'
import type { SendInput } from './send.schema'

/** One message from an operator or an agent: stored, queued, and the quota left. */
export async function sendHandler({ ctx, input }: { ctx: OrgContext; input: SendInput }) {
  // issue 13: an operator limited to their own conversations cannot write into someone else's.
  if (input.conversationId && !ctx.agent) await assertConversationVisible(ctx.organizationId, ctx.user, input.conversationId)
  const accepted = await acceptOutgoing({
    organizationId: ctx.organizationId,
    conversationId: input.conversationId,
    clientId: input.clientId,
    to: input.to,
    content: input.content,
    ...(input.media ? { media: input.media } : {}),
    ...senderOf(ctx, input.priority),
  })
  // issue 13: a person's first reply takes an unassigned conversation (atomic: one owner).
  if (!ctx.agent) await claimOnReply(ctx.organizationId, accepted.conversationId, ctx.user)
  return {
    messageId: accepted.id,
    conversationId: accepted.conversationId,
    queued: accepted.queued,
    quota: accepted.quota ? { remaining: accepted.quota.windows, resetAt: accepted.quota.resetAt } : null,
  }
}
