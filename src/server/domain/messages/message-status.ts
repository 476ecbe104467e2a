/**
 * Every write of a message's status goes through here: accepted (a PENDING row), sent (SENT with
 * WhatsApp's id and time), acked (DELIVERED/READ, forward only), failed, skipped by a safety rule, and
 * retried (FAILED back to PENDING). The order itself is `~/shared/message-status`, which the browser's cache uses too.
 *
 * An ack can beat the worker's own SENT update (WhatsApp is fast); it is parked in Redis for a minute
 * and applied when the message gets its WhatsApp id.
 */
import { db, type Prisma } from '../../db'
import type { MediaKind, MediaStatus, MessageDirection, MessageStatus, SendSkipReason } from '../../db/generated/enums'
import { newRowId } from '../../db-ids'
import { sql, type SqlRunner, type SqlStatement } from '../../db-sql'
import { logger } from '../../logger'
import type { WaAck } from '../../whatsapp/engine/types'
import { getRedis, redisKey } from '../../redis'
import { statusesBefore, type MessageStatusName } from '~/shared/message-status'
import type { MessageView } from '../../events/event-types'
import { fireAndForget, publishMessage } from './message-events'

type Tx = Prisma.TransactionClient | typeof db

// Prisma's enum and the shared order must name the same statuses; this line stops compiling otherwise.
const sameStatuses: [MessageStatus] extends [MessageStatusName] ? ([MessageStatusName] extends [MessageStatus] ? true : never) : never = true
void sameStatuses

/** How long an ack that arrived before its message was marked SENT is kept. */
const EARLY_ACK_TTL_MS = 60_000

/** Accepted: the message row exists from this moment, PENDING (outgoing: waiting to be sent; incoming: waiting to be handled). */
export async function createPendingMessage(data: Omit<Prisma.MessageUncheckedCreateInput, 'status'>, tx: Tx = db): Promise<{ id: string }> {
  return tx.message.create({ data: { ...data, status: 'PENDING' }, select: { id: true } })
}

/** A customer's message to store: what the incoming path knows of it (the rest are the columns' defaults). */
export interface IncomingMessageRow {
  organizationId: string
  conversationId: string
  content: string
  whatsappMessageId: string
  language: string | null
  metadata: Prisma.InputJsonObject
  createdAt: Date
  mediaKind?: MediaKind | null
  mediaStatus?: MediaStatus | null
  mediaFileName?: string | null
  mediaMimeType?: string | null
  mediaSize?: number | null
  location?: Prisma.InputJsonValue
  contact?: Prisma.InputJsonValue
}

const json = (value: Prisma.InputJsonValue | undefined) => (value === undefined ? null : JSON.stringify(value))

/**
 * Accepted (PENDING, waiting to be handled), unless a row with the same WhatsApp id exists already (a
 * history import or an earlier run stored it): one INSERT … ON CONFLICT DO NOTHING RETURNING id, sent as
 * SQL (the hot path: Prisma's runtime cost about a third of the CPU, issue 15), on its own
 * (insertIncomingMessage) or inside a larger statement. `view` is the row as browsers show it, made from
 * what is inserted (the other columns are their defaults), so nothing reads it again to announce it.
 */
export function incomingMessageInsert(row: IncomingMessageRow): { statement: SqlStatement; view: MessageView } {
  const now = Date.now()
  const id = newRowId(now)
  // Epoch milliseconds, turned into the columns' UTC timestamps by PostgreSQL whatever the session's time zone.
  const statement = sql`
    INSERT INTO messages (id, "organizationId", "conversationId", content, direction, sender, status, "whatsappMessageId", language, metadata,
      "createdAt", "updatedAt", "mediaKind", "mediaStatus", "mediaFileName", "mediaMimeType", "mediaSize", location, contact)
    VALUES (${id}, ${row.organizationId}, ${row.conversationId}, ${row.content}, 'INCOMING', 'CLIENT', 'PENDING', ${row.whatsappMessageId}, ${row.language},
      ${JSON.stringify(row.metadata)}::jsonb,
      to_timestamp(${row.createdAt.getTime()}::double precision / 1000) AT TIME ZONE 'UTC', to_timestamp(${now}::double precision / 1000) AT TIME ZONE 'UTC',
      ${row.mediaKind ?? null}::"MediaKind", ${row.mediaStatus ?? null}::"MediaStatus", ${row.mediaFileName ?? null}, ${row.mediaMimeType ?? null},
      ${row.mediaSize ?? null}::integer, ${json(row.location)}::jsonb, ${json(row.contact)}::jsonb)
    ON CONFLICT DO NOTHING
    RETURNING id`
  const view: MessageView = {
    id,
    conversationId: row.conversationId,
    content: row.content,
    direction: 'INCOMING',
    sender: 'CLIENT',
    senderId: null,
    status: 'PENDING',
    language: row.language,
    error: null,
    createdAt: row.createdAt,
    sentAt: null,
    deliveredAt: null,
    readAt: null,
    quietUntil: null,
    origin: 'CRM',
    deletedAt: null,
    editedAt: null,
    editHistory: [],
    mediaKind: row.mediaKind ?? null,
    mediaStatus: row.mediaStatus ?? null,
    mediaError: null,
    mediaFileName: row.mediaFileName ?? null,
    mediaMimeType: row.mediaMimeType ?? null,
    mediaSize: row.mediaSize ?? null,
    mediaFile: null,
    location: (row.location ?? null) as MessageView['location'],
    contact: (row.contact ?? null) as MessageView['contact'],
  }
  return { statement, view }
}

/** incomingMessageInsert on its own: the row as browsers show it, or null for a duplicate. */
export async function insertIncomingMessage(row: IncomingMessageRow, run: SqlRunner): Promise<MessageView | null> {
  const { statement, view } = incomingMessageInsert(row)
  return (await run.rows<{ id: string }>(statement)).length ? view : null
}

/** The status of a message imported from history: what we sent went out long ago; what they wrote waits for handling like live messages. */
export function importedStatus(direction: MessageDirection): MessageStatus {
  return direction === 'OUTGOING' ? 'SENT' : 'PENDING'
}

/**
 * Sent: the engine took the message. It counts as SENT only once WhatsApp's server has it (ack ≥ 1):
 * whatsapp-web.js returns a just-sent message with ack 0 (`sent.ack` 'PENDING'), "accepted by WhatsApp
 * Web", which happens even offline. Then the message stays PENDING, now with its WhatsApp id (so it is
 * never sent again, see send-processor and outbox-relay), and the server's ack 1 moves it to SENT.
 * Applies an ack that arrived first, then tells the browsers.
 */
export async function markSent(organizationId: string, messageId: string, sent: { id: string; timestamp: number; ack?: WaAck }): Promise<void> {
  const handedOverOnly = sent.ack === 'PENDING'
  const data = {
    ...(handedOverOnly ? {} : { status: 'SENT' as const }),
    whatsappMessageId: sent.id,
    sentAt: new Date(sent.timestamp * 1000),
    attempts: { increment: 1 },
    error: null,
  }
  try {
    await db.message.update({ where: { id: messageId }, data, select: { id: true } })
  } catch (err) {
    if ((err as { code?: unknown } | null)?.code !== 'P2002') throw err
    // The echo of this very send was stored as a reply typed on the phone (it won the race against us;
    // phone-reply-service.ts layer 3): that copy goes, and the id is ours.
    await db.$transaction(async (tx) => {
      await tx.message.deleteMany({ where: { organizationId, whatsappMessageId: sent.id, origin: 'PHONE', id: { not: messageId } } })
      await tx.message.update({ where: { id: messageId }, data, select: { id: true } })
    })
    logger.warn({ organizationId, messageId, whatsappMessageId: sent.id }, 'phone copy of our own send removed')
  }
  await applyEarlyAck(organizationId, sent.id)
  fireAndForget(publishMessage('message.updated', messageId))
}

/**
 * A send to WhatsApp begins: written before the engine call, so a run after a crash knows a send may have
 * gone out unrecorded (send-recovery.ts). Only while the message is PENDING without a WhatsApp id; returns
 * whether it was written (false: sent or changed meanwhile, nothing to send). The status does not change.
 */
export async function markSendAttempt(messageId: string, at: Date = new Date()): Promise<boolean> {
  const { count } = await db.message.updateMany({ where: { id: messageId, status: 'PENDING', whatsappMessageId: null }, data: { sendAttemptAt: at } })
  return count > 0
}

/** A failed send attempt; on the `final` one the message becomes FAILED (and the browsers are told). */
export async function markAttemptFailed(messageId: string, reason: string, final: boolean): Promise<void> {
  await db.message.update({
    where: { id: messageId },
    data: { attempts: { increment: 1 }, error: reason.slice(0, 500), ...(final ? { status: 'FAILED' } : {}) },
    select: { id: true },
  })
  if (final) fireAndForget(publishMessage('message.updated', messageId))
}

/**
 * Skipped: a bulk or agent message a safety rule stopped before it left (domain/safety/send-guard: the
 * customer opted out, or it repeats a bulk text). Final, and not a failure: there is nothing to retry.
 * Only an unsent PENDING message can be skipped. Returns whether it moved.
 */
export async function markSkipped(messageId: string, reason: SendSkipReason): Promise<boolean> {
  const { count } = await db.message.updateMany({
    where: { id: messageId, status: 'PENDING', whatsappMessageId: null },
    data: { status: 'SKIPPED', skipReason: reason, error: null },
  })
  if (count) fireAndForget(publishMessage('message.updated', messageId))
  return count > 0
}

/**
 * Retried: a FAILED message goes back to PENDING with a clean slate, to be queued again. A message WhatsApp
 * failed after taking it (ack −1) loses its WhatsApp id: the retry is a new send. A long-PENDING message
 * (stranded by an outage) is retried only while WhatsApp has not taken it (no WhatsApp id), checked in
 * the same statement so a send finishing meanwhile is never cleared, and its started attempt is kept: the
 * re-queued job still asks WhatsApp first (send-recovery.ts). A FAILED retry is a new send: its earlier
 * attempt is forgotten (an ack −1 message is still in the chat and must not count as sent). Returns whether it moved.
 */
export async function markRetried(messageId: string, from: 'FAILED' | 'PENDING' = 'FAILED'): Promise<boolean> {
  const { count } = await db.message.updateMany({
    where: { id: messageId, status: from, ...(from === 'PENDING' ? { whatsappMessageId: null } : {}) },
    data: { status: 'PENDING', error: null, attempts: 0, queuedAt: null, whatsappMessageId: null, ...(from === 'FAILED' ? { sendAttemptAt: null } : {}) },
  })
  return count > 0
}

/**
 * Failed by ack: WhatsApp reported ack −1 (MessageAck.ACK_ERROR) for a message it had taken. Only a message
 * not yet delivered can fail (PENDING, SENT); the UI then offers Retry. Returns whether it moved.
 */
export async function markAckFailed(messageId: string, reason: string): Promise<boolean> {
  const { count } = await db.message.updateMany({
    where: { id: messageId, status: { in: ['PENDING', 'SENT'] } },
    data: { status: 'FAILED', error: reason.slice(0, 500) },
  })
  if (count) fireAndForget(publishMessage('message.updated', messageId))
  return count > 0
}

/** The error stored on a message WhatsApp failed with ack −1. */
export const ACK_ERROR_REASON = 'ACK_ERROR: WhatsApp reported that the message could not be sent (ack -1)'

/** Acked: delivery progress moves the message forward only (never out of FAILED). Returns whether it moved. */
export async function markAcked(messageId: string, status: MessageStatus): Promise<boolean> {
  const now = new Date()
  const { count } = await db.message.updateMany({
    where: { id: messageId, status: { in: statusesBefore(status) } },
    data: {
      status,
      ...(status === 'DELIVERED' ? { deliveredAt: now } : {}),
      ...(status === 'READ' ? { readAt: now } : {}),
    },
  })
  if (count) fireAndForget(publishMessage('message.updated', messageId))
  return count > 0
}

const earlyKey = (organizationId: string, whatsappMessageId: string) => redisKey('whatsapp', 'early-ack', organizationId, whatsappMessageId)

/** Keeps an ack for a message not yet known by its WhatsApp id (best effort: Redis down loses it). */
export async function parkEarlyAck(organizationId: string, whatsappMessageId: string, status: MessageStatus): Promise<void> {
  await getRedis()
    .set(earlyKey(organizationId, whatsappMessageId), status, 'PX', EARLY_ACK_TTL_MS)
    .catch(() => undefined)
}

/** Applies an ack that arrived before the message was marked SENT. */
async function applyEarlyAck(organizationId: string, whatsappMessageId: string): Promise<void> {
  const key = earlyKey(organizationId, whatsappMessageId)
  const status = (await getRedis()
    .get(key)
    .catch(() => null)) as MessageStatus | null
  if (!status) return
  await getRedis()
    .del(key)
    .catch(() => undefined)
  const message = await db.message.findUnique({
    where: { organizationId_whatsappMessageId: { organizationId, whatsappMessageId } },
    select: { id: true },
  })
  if (!message) return
  if (status === 'FAILED') await markAckFailed(message.id, ACK_ERROR_REASON)
  else await markAcked(message.id, status)
}
