import { AGENT_BULK_LIMIT, sendBulk } from '../../../domain/messages/bulk-service'
import { AppError } from '../../../errors'
import type { OrgContext } from '../../trpc'
import { senderOf } from './message-sender'
import type { BulkInput } from './send-bulk.schema'

/** A batch of messages (admins; agents up to AGENT_BULK_LIMIT); progress follows through onBulkProgress. */
export async function sendBulkHandler({ ctx, input }: { ctx: OrgContext; input: BulkInput }) {
  if (ctx.agent && input.messages.length > AGENT_BULK_LIMIT) throw new AppError('BAD_REQUEST', 'agentBulkLimit', { max: AGENT_BULK_LIMIT })
  return sendBulk({
    organizationId: ctx.organizationId,
    messages: input.messages,
    confirmed: input.confirmed,
    createdById: ctx.agent ? null : ctx.user.id,
    ...senderOf(ctx),
  })
}
