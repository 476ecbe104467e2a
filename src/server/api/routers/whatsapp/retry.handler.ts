import { retryMessage } from '../../../domain/messages/send-service'
import type { OrgContext } from '../../trpc'
import type { RetryInput } from './retry.schema'

/** Sends a FAILED message again, or one stranded PENDING for long (send-service retryMessage). */
export function retryHandler({ ctx, input }: { ctx: OrgContext; input: RetryInput }) {
  return retryMessage(ctx.organizationId, input.messageId)
}
