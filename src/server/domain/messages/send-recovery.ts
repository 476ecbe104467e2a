/**
 * A send that may have gone out unrecorded. Nothing makes a WhatsApp send and a database write one step:
 * a process killed after WhatsApp took a message and before `markSent` leaves the row PENDING without a
 * WhatsApp id, and the job comes back (stalled, or re-queued by the outbox relay). So the send processor
 * writes `sendAttemptAt` before every engine send, and a job for a message whose attempt began but which
 * has no WhatsApp id first asks WhatsApp (`findRecentOutgoing`) whether the chat already has our message:
 * - found: it is recorded as sent with WhatsApp's id (markSent), and nothing is sent again;
 * - WhatsApp has none: the send goes ahead;
 * - WhatsApp cannot tell (lookup failed, not connected): the job waits and asks again, without spending
 *   attempts. Never sending on a guess is the safe side: a duplicate reaches the customer, a wait does
 *   not; an operator can still retry a long-PENDING message (markRetried clears the attempt).
 *
 * A match is one of our messages in that chat with the same text (both cleaned like every message text),
 * timestamped no earlier than the attempt minus RECOVERY_SKEW_S, and not already the WhatsApp id of
 * another message row (an earlier identical reply, or a copy typed on the phone, is never claimed).
 * The earliest such message is taken.
 */
import { db } from '../../db'
import type { WaAck, WaOutgoingMessage } from '../../whatsapp/engine/types'
import { cleanMessageText } from '~/shared/message-text'

/**
 * Seconds before the recorded attempt a match may carry: WhatsApp's timestamp is whole seconds, and the
 * clock that stamped it may differ a little from the one that wrote `sendAttemptAt`.
 */
export const RECOVERY_SKEW_S = 30

export type RecoveredSend = { id: string; timestamp: number; ack?: WaAck }

export type SendRecovery = { kind: 'found'; sent: RecoveredSend } | { kind: 'absent' } | { kind: 'unknown'; reason: string }

/** The decision (pure): which of our recent messages in the chat, if any, is the unrecorded send. */
export function pickRecoveredSend(
  candidates: WaOutgoingMessage[],
  attempt: { body: string; startedAt: Date; claimedIds: ReadonlySet<string> },
): RecoveredSend | null {
  const since = Math.floor(attempt.startedAt.getTime() / 1000) - RECOVERY_SKEW_S
  const body = cleanMessageText(attempt.body)
  const match = candidates
    .filter((c) => c.timestamp >= since && !attempt.claimedIds.has(c.id) && cleanMessageText(c.body) === body)
    .sort((a, b) => a.timestamp - b.timestamp)[0]
  return match ? { id: match.id, timestamp: match.timestamp, ...(match.ack ? { ack: match.ack } : {}) } : null
}

export type OutgoingLookup = (chatId: string, since: number) => Promise<WaOutgoingMessage[]>

/** Asks WhatsApp (through `lookup`) whether the message's started attempt reached it; never throws for the engine's failures. */
export async function recoverUnrecordedSend(
  organizationId: string,
  message: { id: string; content: string; sendAttemptAt: Date },
  chatId: string,
  lookup: OutgoingLookup,
): Promise<SendRecovery> {
  let candidates: WaOutgoingMessage[]
  try {
    candidates = await lookup(chatId, Math.floor(message.sendAttemptAt.getTime() / 1000) - RECOVERY_SKEW_S)
  } catch (error) {
    return { kind: 'unknown', reason: String((error as Error)?.message ?? error) }
  }
  if (candidates.length === 0) return { kind: 'absent' }
  const claimed = await db.message.findMany({
    where: { organizationId, whatsappMessageId: { in: candidates.map((c) => c.id) }, id: { not: message.id } },
    select: { whatsappMessageId: true },
  })
  const claimedIds = new Set(claimed.flatMap((m) => (m.whatsappMessageId ? [m.whatsappMessageId] : [])))
  const sent = pickRecoveredSend(candidates, { body: message.content, startedAt: message.sendAttemptAt, claimedIds })
  return sent ? { kind: 'found', sent } : { kind: 'absent' }
}
