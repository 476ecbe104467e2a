/**
 * What a bulk would do, computed before the admin confirms it and without creating anything (no
 * client, conversation, message or quota use): how many recipients a safety rule leaves out and why
 * (domain/safety/send-guard, the same rules sendBulk applies), whether the bulk fits today's quota
 * (warm-up included) and when it should finish (shared/finish-estimate: the limits, quiet hours and
 * what the organization already has queued).
 */
import { db } from '../../db'
import { isAppError } from '../../errors'
import { readQuota } from '../../queues/quota'
import { estimateFinish, type FinishEstimate } from '~/shared/finish-estimate'
import { withDailyCap } from '~/shared/warm-up'
import { normalizeIdentity } from '../clients/client-identity'
import { findClientId } from '../clients/find-or-create-client'
import { warmUpOf } from '../safety/send-clock'
import { bulkExclusions, countReasons, type SkipCounts, type SkipReason } from '../safety/send-guard'
import { getWhatsAppSettings } from '../settings/settings-service'
import type { BulkItem } from './bulk-service'
import { outgoingText } from './send-service'

export interface BulkPreview {
  recipients: number
  /** Recipients that would be queued. */
  sendable: number
  /** Items refused outright (empty text, unknown client, bad phone). */
  invalid: number
  excluded: number
  excludedCounts: SkipCounts
  estimate: FinishEstimate
  warmUp: { active: boolean; cap: number; day: number | null; configured: number }
  queuedAhead: number
  timeZone: string
}

interface Resolved {
  index: number
  content: string
  conversationId: string | null
  optedOut: boolean
}

/** The client and conversation an item points at, found but never created; null when it points at nothing of this organization. */
async function resolveWithoutCreating(organizationId: string, item: BulkItem, content: string, index: number): Promise<Resolved | null> {
  const conversationOf = (clientId: string) =>
    db.client.findFirst({
      where: { id: clientId, organizationId },
      select: { optedOutAt: true, conversations: { where: { channel: 'WHATSAPP' }, select: { id: true }, take: 1 } },
    })
  if (item.conversationId) {
    const c = await db.conversation.findFirst({
      where: { id: item.conversationId, organizationId, channel: 'WHATSAPP' },
      select: { id: true, client: { select: { optedOutAt: true } } },
    })
    return c ? { index, content, conversationId: c.id, optedOut: Boolean(c.client.optedOutAt) } : null
  }
  let clientId = item.clientId ?? null
  if (!clientId && item.to) {
    const identity = normalizeIdentity({ phone: item.to })
    if (!identity) return null
    clientId = await findClientId(organizationId, identity)
    // A number we never wrote to: a new client, nothing can exclude it yet.
    if (!clientId) return { index, content, conversationId: null, optedOut: false }
  }
  if (!clientId) return null
  const client = await conversationOf(clientId)
  if (!client) return null
  return { index, content, conversationId: client.conversations[0]?.id ?? null, optedOut: Boolean(client.optedOutAt) }
}

export async function previewBulk(organizationId: string, items: BulkItem[], now = new Date()): Promise<BulkPreview> {
  const settings = await getWhatsAppSettings(organizationId)
  let invalid = 0
  const resolved: Resolved[] = []
  for (const [index, item] of items.entries()) {
    try {
      const target = await resolveWithoutCreating(organizationId, item, outgoingText(item.content), index)
      if (target) resolved.push(target)
      else invalid += 1
    } catch (error) {
      if (!isAppError(error)) throw error
      invalid += 1
    }
  }
  const reasons: Array<{ reason: SkipReason }> = resolved.filter((r) => r.optedOut).map(() => ({ reason: 'OPTED_OUT' as const }))
  const withConversation = resolved.filter((r): r is Resolved & { conversationId: string } => !r.optedOut && r.conversationId !== null)
  const { excluded } = await bulkExclusions(organizationId, withConversation, now)
  reasons.push(...excluded)
  const excludedCounts = countReasons(reasons)
  const sendable = resolved.length - reasons.length

  const warmUp = await warmUpOf(organizationId, settings, now)
  const capped = withDailyCap(settings, warmUp.cap)
  const quota = await readQuota(organizationId, capped).catch(() => null)
  const queuedAhead = await db.message.count({ where: { organizationId, direction: 'OUTGOING', status: 'PENDING', whatsappMessageId: null } })
  const recent = await db.message.findMany({
    where: { organizationId, direction: 'OUTGOING', origin: 'CRM', sentAt: { gte: new Date(now.getTime() - 3_600_000) } },
    select: { sentAt: true },
    orderBy: { sentAt: 'desc' },
    take: settings.rateLimiting.messagesPerHour,
  })
  const estimate = estimateFinish({
    now,
    count: sendable,
    queuedAhead,
    recentSends: recent.flatMap((m) => (m.sentAt ? [m.sentAt] : [])),
    perMinute: settings.rateLimiting.messagesPerMinute,
    perHour: settings.rateLimiting.messagesPerHour,
    dayRemaining: quota?.windows.day.remaining ?? capped.rateLimiting.messagesPerDay,
    timeZone: settings.timeZone,
    quietHours: settings.quietHours,
  })
  return {
    recipients: items.length,
    sendable,
    invalid,
    excluded: reasons.length,
    excludedCounts,
    estimate,
    warmUp: { active: warmUp.active, cap: warmUp.cap, day: warmUp.day, configured: warmUp.configured },
    queuedAhead,
    timeZone: settings.timeZone,
  }
}
