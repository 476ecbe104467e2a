/**
 * Hands to the queues what PostgreSQL holds but Redis does not (any more): outgoing messages accepted
 * while Redis was down, inbox rows not yet queued, and anything whose job vanished (Redis restarted
 * without persistence), failed or finished for good. Job ids are the row ids; a plain add under an id
 * that still exists is ignored by BullMQ, so stale rows go through requeueSend/requeueIncoming, which
 * retry a failed job and replace a completed one (queue-factory.ts requeueJob). Each pass reports what
 * it really did per row.
 * Also retries messages buffered in memory while PostgreSQL was down. It is the "nothing lost" half
 * of the message lifecycle, over Message and IncomingInbox rows, so it lives with them in the domain.
 */
import { db } from '../../db'
import { logger } from '../../logger'
import { requeueIncoming } from '../../queues/incoming-queue'
import { requeueMediaDownload } from '../../queues/media-queue'
import type { RequeueOutcome } from '../../queues/queue-factory'
import { requeueSend } from '../../queues/send-queue'
import { sendLaneOf } from '../safety/send-guard'
import { acceptIncoming, drainIncomingSpool, incomingBuffer } from './incoming-service'

/** A queued row whose job may have been lost is re-checked after this long. */
export const STALE_AFTER_MS = 60_000

/** What one relay pass did: rows handed to the queues (added, retried or replaced), and per outcome. */
export interface RelayReport {
  outgoing: number
  incoming: number
  buffered: number
  outcomes: Record<RequeueOutcome, number>
}

export async function relayOnce(now = new Date()): Promise<RelayReport> {
  const stale = new Date(now.getTime() - STALE_AFTER_MS)
  const outcomes: Record<RequeueOutcome, number> = { added: 0, retried: 0, replaced: 0, 'already-queued': 0, unavailable: 0 }
  let outgoing = 0
  let incoming = 0
  let buffered = 0

  // The local spool first (messages accepted while PostgreSQL was down); its rows are queued below.
  try {
    buffered += await drainIncomingSpool()
  } catch (error) {
    logger.warn({ err: (error as Error).message }, 'incoming spool not drained yet; next pass')
  }
  for (const item of incomingBuffer.splice(0, incomingBuffer.length)) {
    const result = await acceptIncoming(item.organizationId, item.message)
    if (result.inboxId) buffered += 1
  }

  const messages = await db.message.findMany({
    // A PENDING message with a WhatsApp id was taken by WhatsApp Web and awaits its ack: never send it again.
    // One held by quiet hours has its delayed job until quietUntil: looked at again only after that (a job lost meanwhile goes then, as it would have).
    where: {
      direction: 'OUTGOING',
      status: 'PENDING',
      whatsappMessageId: null,
      AND: [{ OR: [{ queuedAt: null }, { queuedAt: { lt: stale } }] }, { OR: [{ quietUntil: null }, { quietUntil: { lt: now } }] }],
    },
    select: { id: true, organizationId: true, priority: true, sender: true, batchId: true },
    orderBy: { createdAt: 'asc' },
    take: 200,
  })
  for (const m of messages) {
    const outcome = await requeueSend({ messageId: m.id, organizationId: m.organizationId }, { priority: m.priority, lane: sendLaneOf(m) })
    outcomes[outcome] += 1
    if (outcome === 'unavailable') break
    // queuedAt: a job is there now (or still is); the row is looked at again only if it goes stale once more.
    await db.message.update({ where: { id: m.id }, data: { queuedAt: new Date() }, select: { id: true } })
    if (outcome !== 'already-queued') outgoing += 1
    logger.info({ organizationId: m.organizationId, messageId: m.id, outcome }, 'outbox relay: message re-queued')
  }

  const inbox = await db.incomingInbox.findMany({
    where: { processedAt: null, OR: [{ queuedAt: null }, { queuedAt: { lt: stale } }] },
    select: { id: true, organizationId: true },
    orderBy: { receivedAt: 'asc' },
    take: 200,
  })
  for (const row of inbox) {
    const outcome = await requeueIncoming({ organizationId: row.organizationId, inboxId: row.id })
    outcomes[outcome] += 1
    if (outcome === 'unavailable') break
    await db.incomingInbox.update({ where: { id: row.id }, data: { queuedAt: new Date() }, select: { id: true } })
    if (outcome !== 'already-queued') incoming += 1
    logger.info({ organizationId: row.organizationId, inboxId: row.id, outcome }, 'outbox relay: inbox row re-queued')
  }
  // issue 14: media whose download job was never queued (Redis down) or vanished.
  const media = await db.message.findMany({
    where: { mediaStatus: 'PENDING', updatedAt: { lt: stale }, whatsappMessageId: { not: null } },
    select: { id: true, organizationId: true },
    orderBy: { createdAt: 'asc' },
    take: 200,
  })
  for (const m of media) {
    const outcome = await requeueMediaDownload({ organizationId: m.organizationId, messageId: m.id })
    outcomes[outcome] += 1
    if (outcome === 'unavailable') break
    // Looked at again only if it goes stale once more.
    await db.message.update({ where: { id: m.id }, data: { updatedAt: new Date() }, select: { id: true } })
    if (outcome !== 'already-queued') logger.info({ organizationId: m.organizationId, messageId: m.id, outcome }, 'outbox relay: media download re-queued')
  }
  if (outgoing || incoming || buffered || outcomes.unavailable)
    logger.info(
      { outgoing, incoming, buffered, outcomes },
      outcomes.unavailable ? 'outbox relay: Redis unavailable, rest left for the next pass' : 'outbox relay queued waiting work',
    )
  return { outgoing, incoming, buffered, outcomes }
}

export function startOutboxRelay(intervalMs = 3000): () => void {
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    relayOnce()
      .catch((err) => logger.warn({ err: (err as Error).message }, 'outbox relay pass failed'))
      .finally(() => (running = false))
  }, intervalMs)
  timer.unref?.()
  return () => clearInterval(timer)
}
