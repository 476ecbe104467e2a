/**
 * Whether a bulk or agent message may go to a recipient: the one place the sending rules about
 * recipients live, asked when a bulk is created (excluded recipients are counted by reason and never
 * queued), when an agent sends one message (refused), and again by the send worker just before a
 * queued message leaves (it ends SKIPPED with the reason, never FAILED: the customer may have opted out
 * after it was queued). Human replies are never stopped here.
 *
 * Rules (each a SendSkipReason):
 * - OPTED_OUT: the client asked us to stop writing (opt-out.ts);
 * - REPEAT: the same bulk text (after personalization, content-hash.ts) went to this client within
 *   REPEAT_WINDOW_MS, or is already queued for them.
 * - NOT_ON_WHATSAPP: WhatsApp said the number has no account (the engine's INVALID_RECIPIENT) for a
 *   bulk or agent message to this client within NOT_ON_WHATSAPP_MEMORY_MS (the send worker skips such
 *   a message; a later bulk leaves the client out).
 */
import { db } from '../../db'
import type { SendSkipReason } from '../../db/generated/enums'
import { AppError } from '../../errors'
import { bulkContentHash } from './content-hash'
import type { SendLane } from '../../queues/send-queue'

export type SkipReason = SendSkipReason
export const SKIP_REASONS: readonly SkipReason[] = ['OPTED_OUT', 'REPEAT', 'NOT_ON_WHATSAPP']

/** The same bulk text is not sent to the same client twice within this time. */
export const REPEAT_WINDOW_MS = 24 * 60 * 60 * 1000

/** How long "not on WhatsApp" keeps a client out of bulks (a number may get WhatsApp later). */
export const NOT_ON_WHATSAPP_MEMORY_MS = 30 * 24 * 60 * 60 * 1000

/** Bulk and agent messages are checked by the safety rules; a person's reply never is. */
export function isGuardedSend(message: { sender: string; batchId: string | null }): boolean {
  return message.sender === 'AI' || message.batchId !== null
}

/** The send queue's backlog a message counts in (queues/send-queue.ts): bulk and agent messages apart from replies. */
export function sendLaneOf(message: { sender: string; batchId: string | null }): SendLane {
  return isGuardedSend(message) ? 'bulk' : 'reply'
}

export interface BulkTarget {
  conversationId: string
  content: string
}

export interface TargetDecision {
  /** Index into the targets given. */
  index: number
  reason: SkipReason
}

/** Counts of reasons, for the bulk screen and its progress. */
export type SkipCounts = Partial<Record<SkipReason, number>>

export function countReasons(decisions: Array<{ reason: SkipReason }>): SkipCounts {
  const counts: SkipCounts = {}
  for (const d of decisions) counts[d.reason] = (counts[d.reason] ?? 0) + 1
  return counts
}

/**
 * Which targets of a new bulk must be left out, and why (the first rule that applies). A repeat counts
 * both against earlier bulks (sent within the window or still queued) and within this very request.
 */
export async function bulkExclusions(
  organizationId: string,
  targets: BulkTarget[],
  now = new Date(),
): Promise<{ excluded: TargetDecision[]; hashes: string[] }> {
  const hashes = targets.map((t) => bulkContentHash(t.content))
  const conversationIds = [...new Set(targets.map((t) => t.conversationId))]
  const conversations = await db.conversation.findMany({
    where: { organizationId, id: { in: conversationIds } },
    select: { id: true, client: { select: { optedOutAt: true } } },
  })
  const optedOut = new Set(conversations.filter((c) => c.client.optedOutAt).map((c) => c.id))
  const noWhatsApp = await db.message.findMany({
    where: {
      organizationId,
      conversationId: { in: conversationIds },
      status: 'SKIPPED',
      skipReason: 'NOT_ON_WHATSAPP',
      updatedAt: { gte: new Date(now.getTime() - NOT_ON_WHATSAPP_MEMORY_MS) },
    },
    select: { conversationId: true },
    distinct: ['conversationId'],
  })
  const notOnWhatsApp = new Set(noWhatsApp.map((m) => m.conversationId))
  const earlier = await db.message.findMany({
    where: {
      organizationId,
      conversationId: { in: conversationIds },
      contentHash: { in: [...new Set(hashes)] },
      ...repeatCounts(now),
    },
    select: { conversationId: true, contentHash: true },
  })
  const seen = new Set(earlier.map((m) => `${m.conversationId}:${m.contentHash}`))
  const excluded: TargetDecision[] = []
  targets.forEach((target, index) => {
    const key = `${target.conversationId}:${hashes[index]}`
    if (optedOut.has(target.conversationId)) excluded.push({ index, reason: 'OPTED_OUT' })
    else if (notOnWhatsApp.has(target.conversationId)) excluded.push({ index, reason: 'NOT_ON_WHATSAPP' })
    else if (seen.has(key)) excluded.push({ index, reason: 'REPEAT' })
    seen.add(key)
  })
  return { excluded, hashes }
}

/** Earlier bulk messages that make a new one with the same text a repeat: not failed or skipped, and sent (or queued) within the window. */
function repeatCounts(now: Date) {
  const since = new Date(now.getTime() - REPEAT_WINDOW_MS)
  return {
    direction: 'OUTGOING' as const,
    batchId: { not: null },
    OR: [{ status: 'PENDING' as const }, { status: { in: ['SENT' as const, 'DELIVERED' as const, 'READ' as const] }, sentAt: { gte: since } }],
  }
}

export interface QueuedMessage {
  id: string
  organizationId: string
  conversationId: string
  sender: string
  batchId: string | null
  contentHash: string | null
  createdAt: Date
}

/**
 * Checked by the send worker right before a queued message leaves: the reason it must not go, or null.
 * Only bulk and agent messages are checked; a person's reply always goes.
 */
export async function skipReasonAtSend(message: QueuedMessage, now = new Date()): Promise<SkipReason | null> {
  if (!isGuardedSend(message)) return null
  const conversation = await db.conversation.findFirst({
    where: { id: message.conversationId, organizationId: message.organizationId },
    select: { client: { select: { optedOutAt: true } } },
  })
  if (conversation?.client.optedOutAt) return 'OPTED_OUT'
  if (message.batchId && message.contentHash) {
    // Another bulk message with this text reached WhatsApp for this client within the window (or was
    // accepted earlier and is still queued: the earlier one goes, this one is the repeat).
    const since = new Date(now.getTime() - REPEAT_WINDOW_MS)
    const other = await db.message.findFirst({
      where: {
        organizationId: message.organizationId,
        conversationId: message.conversationId,
        contentHash: message.contentHash,
        direction: 'OUTGOING',
        batchId: { not: null },
        id: { not: message.id },
        OR: [
          { status: { in: ['SENT', 'DELIVERED', 'READ'] }, sentAt: { gte: since } },
          { status: 'PENDING', whatsappMessageId: { not: null } },
          { status: 'PENDING', createdAt: { lt: message.createdAt } },
        ],
      },
      select: { id: true },
    })
    if (other) return 'REPEAT'
  }
  return null
}

/** An agent's single message to an opted-out client is refused up front (it would only be skipped later). */
export async function assertAgentMayWrite(organizationId: string, conversationId: string): Promise<void> {
  const conversation = await db.conversation.findFirst({ where: { id: conversationId, organizationId }, select: { client: { select: { optedOutAt: true } } } })
  if (conversation?.client.optedOutAt) throw new AppError('PRECONDITION_FAILED', 'clientOptedOut')
}
