import { assertMessageVisible } from '../../../domain/conversations/visibility'
import { retryMessage } from '../../../domain/messages/send-service'
import type { OrgContext } from '../../trpc'
import type { RetryInput } from './retry.schema'

/** Sends a FAILED message again, or one stranded PENDING for long (send-service retryMessage). */
export async function retryHandler({ ctx, input }: { ctx: OrgContext; input: RetryInput }) {
  // issue 13: an operator limited to their own conversations cannot retry into someone else's.
  await assertMessageVisible(ctx.organizationId, ctx.user, input.messageId)
  return retryMessage(ctx.organizationId, input.messageId)
}
