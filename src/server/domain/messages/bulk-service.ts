/**
 * Bulk sends: one text (personalized per client) to many. Refused when mass sending is off; a batch
 * above maxBatchSize needs explicit confirmation while confirmation is required; the day's quota must
 * fit the whole batch before anything is queued (a new number's warm-up lowers it, domain/safety/send-clock). Recipients a safety rule leaves out (opted out, the
 * same text within 24 h: domain/safety/send-guard) are counted by reason, not queued, and use no quota.
 * Sends are staggered at the organization's pace.
 */
import { db } from '../../db'
import type { MessageSender } from '../../db/generated/enums'
import { AppError, isAppError } from '../../errors'
import { logger } from '../../logger'
import { assertQuota, consumeQuota } from '../../queues/quota'
import { guardedQuotaSettings } from '../safety/send-clock'
import { bulkExclusions, countReasons, type SkipCounts, type SkipReason } from '../safety/send-guard'
import { getWhatsAppSettings } from '../settings/settings-service'
import { fireAndForget, publishBulkProgress } from './message-events'
import { assertCanSend, createAndQueue, outgoingText, resolveConversation } from './send-service'

export interface BulkItem {
  to?: string
  clientId?: string
  conversationId?: string
  content: string
}

export interface BulkRequest {
  organizationId: string
  messages: BulkItem[]
  /** The admin confirmed a large batch. */
  confirmed: boolean
  sender: Extract<MessageSender, 'HUMAN' | 'AI'>
  senderId: string | null
  priority?: number
  createdById: string | null
}

export interface BulkResult {
  batchId: string | null
  queued: number
  failed: number
  errors: Array<{ index: number; to: string | null; error: string }>
  /** Recipients left out by a safety rule, by request index, and their counts by reason. */
  excluded: Array<{ index: number; to: string | null; reason: SkipReason }>
  excludedCounts: SkipCounts
}

/** The most messages an AI agent may send in one bulk call (the API refuses more from an agent). */
export const AGENT_BULK_LIMIT = 20

export async function sendBulk(request: BulkRequest): Promise<BulkResult> {
  const { organizationId } = request
  const settings = await getWhatsAppSettings(organizationId)
  const count = request.messages.length
  if (!settings.safety.enableMassSending) throw new AppError('BAD_REQUEST', 'bulkDisabled')
  if (settings.safety.requireConfirmation && count > settings.safety.maxBatchSize && !request.confirmed) {
    throw new AppError('BAD_REQUEST', 'bulkNeedsConfirmation', { count, max: settings.safety.maxBatchSize }, { count, max: settings.safety.maxBatchSize })
  }
  await assertCanSend(organizationId)

  const errors: BulkResult['errors'] = []
  const targets: Array<{ conversationId: string; content: string; index: number; to: string | null }> = []
  for (const [index, item] of request.messages.entries()) {
    try {
      // The text first: a refused one creates no client or conversation.
      const content = outgoingText(item.content)
      targets.push({ conversationId: await resolveConversation({ organizationId, ...item }), content, index, to: item.to ?? null })
    } catch (error) {
      errors.push({ index, to: item.to ?? null, error: isAppError(error) ? error.messageKey : 'internal' })
    }
  }
  const { excluded: left, hashes } = await bulkExclusions(organizationId, targets)
  const leftOut = new Set(left.map((d) => d.index))
  const excluded = left.map((d) => ({ index: targets[d.index]!.index, to: targets[d.index]!.to, reason: d.reason }))
  const excludedCounts = countReasons(excluded)
  const sendable = targets.map((target, i) => ({ ...target, contentHash: hashes[i]! })).filter((_, i) => !leftOut.has(i))
  if (!sendable.length) return { batchId: null, queued: 0, failed: errors.length, errors, excluded, excludedCounts }

  // The whole batch must fit in today's quota (lowered by a new number's warm-up); nothing is queued otherwise.
  const quota = await consumeQuota(organizationId, await guardedQuotaSettings(organizationId, settings), sendable.length, ['day']).catch(() => {
    throw new AppError('UNAVAILABLE', 'queueUnavailable')
  })
  assertQuota(quota)

  const batch = await db.bulkBatch.create({
    data: { organizationId, createdById: request.createdById, sender: request.sender, total: sendable.length, excluded: excludedCounts },
    select: { id: true },
  })
  const gapMs = Math.round(60_000 / settings.rateLimiting.messagesPerMinute)
  let queued = 0
  for (const [i, target] of sendable.entries()) {
    await createAndQueue(
      {
        organizationId,
        conversationId: target.conversationId,
        content: target.content,
        sender: request.sender,
        senderId: request.senderId,
        priority: request.priority ?? 1,
        batchId: batch.id,
        contentHash: target.contentHash,
        delayMs: i * gapMs,
      },
      target.conversationId,
    )
    queued += 1
  }
  logger.info(
    { organizationId, batchId: batch.id, queued, failed: errors.length, excluded: excludedCounts, sender: request.sender, senderId: request.senderId },
    'bulk send queued',
  )
  fireAndForget(publishBulkProgress(organizationId, batch.id))
  return { batchId: batch.id, queued, failed: errors.length, errors, excluded, excludedCounts }
}
