/**
 * Hands to the queues what PostgreSQL holds but Redis does not (any more): outgoing messages accepted
 * while Redis was down, inbox rows not yet queued, and anything whose job vanished (Redis restarted
 * without persistence). Job ids are the row ids, so re-adding a job that still exists does nothing.
 * Also retries messages buffered in memory while PostgreSQL was down. It is the "nothing lost" half
 * of the message lifecycle, over Message and IncomingInbox rows, so it lives with them in the domain.
 */
import { db } from '../../db'
import { logger } from '../../logger'
import { enqueueIncoming } from '../../queues/incoming-queue'
import { enqueueSend } from '../../queues/send-queue'
import { acceptIncoming, incomingBuffer } from './incoming-service'

/** A queued row whose job may have been lost is re-checked after this long. */
export const STALE_AFTER_MS = 60_000

export async function relayOnce(now = new Date()): Promise<{ outgoing: number; incoming: number; buffered: number }> {
  const stale = new Date(now.getTime() - STALE_AFTER_MS)
  let outgoing = 0
  let incoming = 0
  let buffered = 0

  for (const item of incomingBuffer.splice(0, incomingBuffer.length)) {
    const result = await acceptIncoming(item.organizationId, item.message)
    if (result.inboxId) buffered += 1
  }

  const messages = await db.message.findMany({
    // A PENDING message with a WhatsApp id was taken by WhatsApp Web and awaits its ack: never send it again.
    where: { direction: 'OUTGOING', status: 'PENDING', whatsappMessageId: null, OR: [{ queuedAt: null }, { queuedAt: { lt: stale } }] },
    select: { id: true, organizationId: true, priority: true },
    orderBy: { createdAt: 'asc' },
    take: 200,
  })
  for (const m of messages) {
    if (!(await enqueueSend({ messageId: m.id, organizationId: m.organizationId }, { priority: m.priority }))) break
    await db.message.update({ where: { id: m.id }, data: { queuedAt: new Date() }, select: { id: true } })
    outgoing += 1
  }

  const inbox = await db.incomingInbox.findMany({
    where: { processedAt: null, OR: [{ queuedAt: null }, { queuedAt: { lt: stale } }] },
    select: { id: true, organizationId: true },
    orderBy: { receivedAt: 'asc' },
    take: 200,
  })
  for (const row of inbox) {
    if (!(await enqueueIncoming({ organizationId: row.organizationId, inboxId: row.id }, 0))) break
    await db.incomingInbox.update({ where: { id: row.id }, data: { queuedAt: new Date() }, select: { id: true } })
    incoming += 1
  }
  if (outgoing || incoming || buffered) logger.info({ outgoing, incoming, buffered }, 'outbox relay queued waiting work')
  return { outgoing, incoming, buffered }
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
