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

/** Rows of each kind (outgoing, inbox, media) one pass looks at. */
export const RELAY_PAGE = 200

/** What one relay pass did: rows handed to the queues (added, retried or replaced), and per outcome. */
export interface RelayReport {
  outgoing: number
  incoming: number
  buffered: number
  outcomes: Record<RequeueOutcome, number>
  /**
   * A kind filled its page and Redis answered throughout: more stale rows may be waiting, run another
   * pass. (Counting only the rows handed over would stop early when some of a page were already queued.)
   */
  more: boolean
}

/**
 * One relay pass at a time in this process: the periodic pass and the pass after a Redis loss
 * (relay-after-reset.ts) would otherwise take the same rows at once, each doing the other's work.
 */
let activePass: Promise<unknown> | null = null

/** Runs `pass` once no other relay pass of this process runs (waiting for the current one). */
export async function exclusiveRelay<T>(pass: () => Promise<T>): Promise<T> {
  while (activePass) await activePass.catch(() => undefined)
  const run = pass()
  activePass = run
  try {
    return await run
  } finally {
    if (activePass === run) activePass = null
  }
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
    // The dialogue first: replies (no batch) by their priority, then bulk batches. After Redis lost its
    // data, thousands of staggered bulk messages may be stale at once; an operator's reply must not wait
    // behind them (it is sent within seconds, a broadcast within the hour anyway).
    orderBy: [{ batchId: { sort: 'asc', nulls: 'first' } }, { priority: 'desc' }, { createdAt: 'asc' }],
    take: RELAY_PAGE,
  })
  const handedOver: string[] = []
  for (const m of messages) {
    const outcome = await requeueSend({ messageId: m.id, organizationId: m.organizationId }, { priority: m.priority, lane: sendLaneOf(m) })
    outcomes[outcome] += 1
    if (outcome === 'unavailable') break
    handedOver.push(m.id)
    if (outcome !== 'already-queued') outgoing += 1
    logger.debug({ organizationId: m.organizationId, messageId: m.id, outcome }, 'outbox relay: message re-queued')
  }
  // queuedAt: a job is there now (or still is); the row is looked at again only if it goes stale once more.
  // (Should the process die before this write, the next pass finds the jobs already queued.)
  if (handedOver.length) await db.message.updateMany({ where: { id: { in: handedOver } }, data: { queuedAt: new Date() } })

  const inbox = await db.incomingInbox.findMany({
    where: { processedAt: null, OR: [{ queuedAt: null }, { queuedAt: { lt: stale } }] },
    select: { id: true, organizationId: true },
    orderBy: { receivedAt: 'asc' },
    take: RELAY_PAGE,
  })
  const inboxHandedOver: string[] = []
  for (const row of inbox) {
    const outcome = await requeueIncoming({ organizationId: row.organizationId, inboxId: row.id })
    outcomes[outcome] += 1
    if (outcome === 'unavailable') break
    inboxHandedOver.push(row.id)
    if (outcome !== 'already-queued') incoming += 1
    logger.debug({ organizationId: row.organizationId, inboxId: row.id, outcome }, 'outbox relay: inbox row re-queued')
  }
  if (inboxHandedOver.length) await db.incomingInbox.updateMany({ where: { id: { in: inboxHandedOver } }, data: { queuedAt: new Date() } })

  // issue 14: media whose download job was never queued (Redis down) or vanished.
  const media = await db.message.findMany({
    where: { mediaStatus: 'PENDING', updatedAt: { lt: stale }, whatsappMessageId: { not: null } },
    select: { id: true, organizationId: true },
    orderBy: { createdAt: 'asc' },
    take: RELAY_PAGE,
  })
  const mediaHandedOver: string[] = []
  for (const m of media) {
    const outcome = await requeueMediaDownload({ organizationId: m.organizationId, messageId: m.id })
    outcomes[outcome] += 1
    if (outcome === 'unavailable') break
    mediaHandedOver.push(m.id)
    if (outcome !== 'already-queued') logger.debug({ organizationId: m.organizationId, messageId: m.id, outcome }, 'outbox relay: media download re-queued')
  }
  // Looked at again only if it goes stale once more.
  if (mediaHandedOver.length) await db.message.updateMany({ where: { id: { in: mediaHandedOver } }, data: { updatedAt: new Date() } })

  if (outgoing || incoming || buffered || outcomes.unavailable)
    logger.info(
      { outgoing, incoming, buffered, outcomes },
      outcomes.unavailable ? 'outbox relay: Redis unavailable, rest left for the next pass' : 'outbox relay queued waiting work',
    )
  const more = outcomes.unavailable === 0 && [messages, inbox, media].some((rows) => rows.length === RELAY_PAGE)
  return { outgoing, incoming, buffered, outcomes, more }
}

export function startOutboxRelay(intervalMs = 3000): () => void {
  const timer = setInterval(() => {
    // A pass still running (this timer's, or the one after a Redis loss): this tick is skipped.
    if (activePass) return
    exclusiveRelay(() => relayOnce()).catch((err) => logger.warn({ err: (err as Error).message }, 'outbox relay pass failed'))
  }, intervalMs)
  timer.unref?.()
  return () => clearInterval(timer)
}
