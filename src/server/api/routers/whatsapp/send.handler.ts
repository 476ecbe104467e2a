import { acceptOutgoing } from '../../../domain/messages/send-service'
import type { OrgContext } from '../../trpc'
import { senderOf } from './message-sender'
import type { SendInput } from './send.schema'

/** One message from an operator or an agent: stored, queued, and the quota left. */
export async function sendHandler({ ctx, input }: { ctx: OrgContext; input: SendInput }) {
  const accepted = await acceptOutgoing({
    organizationId: ctx.organizationId,
    conversationId: input.conversationId,
    clientId: input.clientId,
    to: input.to,
    content: input.content,
    ...senderOf(ctx, input.priority),
  })
  return {
    messageId: accepted.id,
    conversationId: accepted.conversationId,
    queued: accepted.queued,
    quota: accepted.quota ? { remaining: accepted.quota.windows, resetAt: accepted.quota.resetAt } : null,
  }
}
