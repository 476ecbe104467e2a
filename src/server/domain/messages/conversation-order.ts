/**
 * The order of sends within one conversation, from durable state (PostgreSQL rows), so it holds across
 * pacing waits, retries, restarts and failover: no in-memory timer or job order decides it.
 *
 * Each conversation's unsent outgoing messages form a queue ordered by priority (our scale: 10 urgent,
 * 5 agents, 1 normal; higher goes first, as in the send queue), then by acceptance (createdAt, then id).
 * Only the head of that queue may take a pacing slot and be sent; the others re-delay briefly without
 * burning an attempt. So:
 * - at equal priority, messages leave in the order they were accepted, always;
 * - a higher-priority message overtakes lower-priority ones still waiting in the same conversation;
 * - a head waiting for a retry (backoff) or for the session still holds the ones behind it;
 * - a head that FAILED for good (or was taken by WhatsApp: it has a WhatsApp id) no longer holds
 *   anything: the next one proceeds; the failed one shows Retry, and a retried message takes its
 *   original place among those still unsent;
 * - bulk messages (a batch, staggered by scheduled delays that may run for an hour) never hold back a
 *   message that is not from a batch: a broadcast is not part of the dialogue.
 * Different conversations never wait for each other. Starvation is bounded by the head: every PENDING
 * row ends SENT or FAILED after its limited attempts (the outbox relay re-queues one whose job is lost),
 * and a stream of higher-priority messages holds lower ones only while it lasts (quotas bound it).
 */
import { db, type Prisma } from '../../db'

/**
 * How long a message that is not its conversation's head waits before checking again: half the pacing
 * gap (the head cannot be followed sooner than one gap anyway), between 300 ms and 2 s, so a long
 * queue in one conversation does not poll the database needlessly.
 */
export function orderWaitMs(messagesPerMinute: number): number {
  return Math.min(2000, Math.max(300, Math.round(30_000 / messagesPerMinute)))
}

export interface OrderedMessage {
  id: string
  organizationId: string
  conversationId: string
  priority: number
  createdAt: Date
  batchId: string | null
}

/**
 * The id of an unsent message of the same conversation that must leave before `message`, or null when
 * `message` is its conversation's head. `passGuarded`: agent messages (held by the governor) do not count.
 */
export async function findMessageAhead(message: OrderedMessage, options: { passGuarded?: boolean } = {}): Promise<string | null> {
  const { priority, createdAt, id } = message
  const where: Prisma.MessageWhereInput = {
    organizationId: message.organizationId,
    conversationId: message.conversationId,
    direction: 'OUTGOING',
    // PENDING with a WhatsApp id was already taken by WhatsApp Web (awaiting its ack): it has left.
    status: 'PENDING',
    whatsappMessageId: null,
    id: { not: id },
    ...(message.batchId ? {} : { batchId: null }),
    // While the governor holds bulk and agent messages, a person's reply does not wait behind a held agent message.
    ...(options.passGuarded ? { sender: { not: 'AI' as const } } : {}),
    OR: [{ priority: { gt: priority } }, { priority, createdAt: { lt: createdAt } }, { priority, createdAt, id: { lt: id } }],
  }
  const ahead = await db.message.findFirst({ where, select: { id: true } })
  return ahead?.id ?? null
}
