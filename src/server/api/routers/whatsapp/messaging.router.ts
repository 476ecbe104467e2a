/** Sending: single messages (operators, agents), retries, bulk sends (admins), progress, quotas. */
import { tracked } from '@trpc/server'
import { bulkProgress } from '../../../domain/messages/message-events'
import { AGENT_BULK_LIMIT, sendBulk } from '../../../domain/messages/bulk-service'
import { acceptOutgoing, retryMessage } from '../../../domain/messages/send-service'
import { getWhatsAppSettings } from '../../../domain/settings/settings-service'
import { AppError } from '../../../errors'
import { getEventBus } from '../../../events/event-bus'
import { readQuota } from '../../../queues/quota'
import { adminProcedure, orgProcedure, type OrgContext } from '../../trpc'
import { bulkInput, bulkProgressInput, orgInput, retryInput, sendInput } from './messaging.schema'

/** Who is sending: a person (HUMAN, their user id) or an agent (AI, its type, agent priority). */
function senderOf(ctx: OrgContext, requested?: number) {
  if (ctx.agent) return { sender: 'AI' as const, senderId: ctx.agent.type, priority: requested ?? 5 }
  return { sender: 'HUMAN' as const, senderId: ctx.user.id, priority: ctx.source === 'server' ? (requested ?? 1) : 1 }
}

export const messagingProcedures = {
  send: orgProcedure.input(sendInput).mutation(async ({ ctx, input }) => {
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
  }),

  retry: orgProcedure.input(retryInput).mutation(({ ctx, input }) => retryMessage(ctx.organizationId, input.messageId)),

  sendBulk: adminProcedure.input(bulkInput).mutation(async ({ ctx, input }) => {
    if (ctx.agent && input.messages.length > AGENT_BULK_LIMIT) throw new AppError('BAD_REQUEST', 'agentBulkLimit', { max: AGENT_BULK_LIMIT })
    return sendBulk({
      organizationId: ctx.organizationId,
      messages: input.messages,
      confirmed: input.confirmed,
      createdById: ctx.agent ? null : ctx.user.id,
      ...senderOf(ctx),
    })
  }),

  bulkProgress: orgProcedure.input(bulkProgressInput).query(async ({ ctx, input }) => {
    const progress = await bulkProgress(ctx.organizationId, input.batchId)
    if (!progress) throw new AppError('NOT_FOUND', 'batchNotFound')
    return progress
  }),

  /** Live progress of one batch: the current counts first, then every change. */
  onBulkProgress: orgProcedure.input(bulkProgressInput).subscription(async function* ({ ctx, input, signal }) {
    const bus = getEventBus()
    let after = input.lastEventId ?? null
    if (!after) {
      const progress = await bulkProgress(ctx.organizationId, input.batchId)
      if (!progress) throw new AppError('NOT_FOUND', 'batchNotFound')
      after = await bus.lastId(ctx.organizationId)
      yield tracked(after, progress)
    }
    for await (const delivered of bus.subscribe(ctx.organizationId, { types: ['bulk.progress'], lastEventId: after, signal })) {
      if (delivered.event.data.batchId === input.batchId) yield tracked(delivered.id, delivered.event.data)
    }
  }),

  /** How much of the minute/hour/day quota is left. */
  quota: orgProcedure.input(orgInput).query(async ({ ctx }) => {
    const settings = await getWhatsAppSettings(ctx.organizationId)
    const decision = await readQuota(ctx.organizationId, settings).catch(() => {
      throw new AppError('UNAVAILABLE', 'queueUnavailable')
    })
    return decision.windows
  }),
}
