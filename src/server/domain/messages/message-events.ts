/** Publishes message and conversation changes for open ConversationViews and bulk progress bars. */
import { db } from '../../db'
import type { SendSkipReason } from '../../db/generated/enums'
import { getEventBus } from '../../events/event-bus'
import type { BulkProgress, MessageView } from '../../events/event-types'
import { messageSelect } from '../conversations/conversation-queries'

export async function loadMessageView(messageId: string): Promise<(MessageView & { organizationId: string; batchId: string | null }) | null> {
  return db.message.findUnique({ where: { id: messageId }, select: { ...messageSelect, organizationId: true, batchId: true } })
}

export async function publishMessage(kind: 'message.created' | 'message.updated', messageId: string): Promise<void> {
  const row = await loadMessageView(messageId)
  if (!row) return
  const { organizationId, batchId, ...message } = row
  await getEventBus().publish(organizationId, { type: kind, data: { conversationId: message.conversationId, message } })
  if (batchId && kind === 'message.updated') await publishBulkProgress(organizationId, batchId)
}

/** A stored incoming message and its conversation's new state, announced in one Redis call from what the transaction returned (no re-read). */
export async function publishIncomingStored(
  organizationId: string,
  message: MessageView,
  conversation: { clientId: string; lastMessageAt: Date | null; unreadCount: number; waitingSince: Date | null },
): Promise<void> {
  const { conversationId } = message
  await getEventBus().publishMany(organizationId, [
    { type: 'message.created', data: { conversationId, message } },
    { type: 'conversation.updated', data: { conversationId, ...conversation } },
  ])
}

export async function publishConversation(organizationId: string, conversationId: string): Promise<void> {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, organizationId },
    select: { id: true, clientId: true, lastMessageAt: true, unreadCount: true, waitingSince: true },
  })
  if (!conversation) return
  await getEventBus().publish(organizationId, {
    type: 'conversation.updated',
    data: {
      conversationId,
      clientId: conversation.clientId,
      lastMessageAt: conversation.lastMessageAt,
      unreadCount: conversation.unreadCount,
      waitingSince: conversation.waitingSince,
    },
  })
}

export async function bulkProgress(organizationId: string, batchId: string): Promise<BulkProgress | null> {
  const batch = await db.bulkBatch.findFirst({ where: { id: batchId, organizationId }, select: { total: true, excluded: true } })
  if (!batch) return null
  const groups = await db.message.groupBy({ by: ['status', 'skipReason'], where: { organizationId, batchId }, _count: { _all: true } })
  const count = (status: string) => groups.filter((g) => g.status === status).reduce((sum, g) => sum + g._count._all, 0)
  // Reasons: those left out when the batch was created, plus those skipped before sending.
  const reasons: BulkProgress['reasons'] = {}
  for (const [reason, n] of Object.entries(asCounts(batch.excluded))) reasons[reason as SendSkipReason] = n
  for (const g of groups) if (g.status === 'SKIPPED' && g.skipReason) reasons[g.skipReason] = (reasons[g.skipReason] ?? 0) + g._count._all
  const sent = count('SENT')
  const delivered = count('DELIVERED') + count('READ')
  const failed = count('FAILED')
  const skippedRows = count('SKIPPED')
  const waitingQuiet = await db.message.count({ where: { organizationId, batchId, status: 'PENDING', quietUntil: { gt: new Date() } } })
  const done = sent + delivered + failed + skippedRows
  return {
    batchId,
    total: batch.total,
    pending: count('PENDING'),
    waitingQuiet,
    sent,
    delivered,
    failed,
    skipped: reasons.REPEAT ?? 0,
    excluded: (reasons.OPTED_OUT ?? 0) + (reasons.NOT_ON_WHATSAPP ?? 0),
    reasons,
    percent: batch.total ? Math.round((done / batch.total) * 100) : 100,
  }
}

function asCounts(value: unknown): Record<string, number> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number'))
}

export async function publishBulkProgress(organizationId: string, batchId: string): Promise<void> {
  const progress = await bulkProgress(organizationId, batchId)
  if (progress) await getEventBus().publish(organizationId, { type: 'bulk.progress', data: progress })
}

/** Events never block or fail the work that caused them. */
export function fireAndForget(promise: Promise<unknown>): void {
  promise.catch(() => undefined)
}
