import { sendBulk } from '../../../domain/messages/bulk-service'
import { AppError } from '../../../errors'
import type { OrgContext } from '../../trpc'
import { senderOf } from './message-sender'
import type { BulkInput } from './send-bulk.schema'

/** A batch of messages (admins, agents up to 20); progress follows through onBulkProgress. */
export async function sendBulkHandler({ ctx, input }: { ctx: OrgContext; input: BulkInput }) {
  if (ctx.agent && input.messages.length > 20) throw new AppError('BAD_REQUEST', 'agentBulkLimit', { max: 20 })
  return sendBulk({
    organizationId: ctx.organizationId,
    messages: input.messages,
    confirmed: input.confirmed,
    createdById: ctx.agent ? null : ctx.user.id,
    ...senderOf(ctx),
  })
}
