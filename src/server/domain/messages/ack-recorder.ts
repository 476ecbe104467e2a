/**
 * Delivery acks from WhatsApp move an outgoing message forward: SENT → DELIVERED → READ, never back.
 * An ack can beat the worker's own SENT update (WhatsApp is fast); it is parked in Redis for a minute
 * and applied when the message gets its WhatsApp id.
 */
import { db } from '../../db'
import type { MessageStatus } from '../../db/generated/enums'
import { getRedis, redisKey } from '../../redis'
import type { WaAck } from '../../whatsapp/engine/types'
import { fireAndForget, publishMessage } from './message-events'

const ORDER: Record<MessageStatus, number> = { PENDING: 0, SENT: 1, DELIVERED: 2, READ: 3, FAILED: -1 }

/** The message status an ack means, or null for acks that change nothing. */
export function statusForAck(ack: WaAck): MessageStatus | null {
  switch (ack) {
    case 'SERVER':
      return 'SENT'
    case 'DEVICE':
      return 'DELIVERED'
    case 'READ':
    case 'PLAYED':
      return 'READ'
    default:
      return null
  }
}

/** Statuses an ack may move a message out of (forward only; FAILED is left to the retry button). */
export function statusesBefore(status: MessageStatus): MessageStatus[] {
  return (Object.keys(ORDER) as MessageStatus[]).filter((s) => s !== 'FAILED' && ORDER[s] < ORDER[status])
}

const earlyKey = (organizationId: string, whatsappMessageId: string) => redisKey('whatsapp', 'early-ack', organizationId, whatsappMessageId)

export async function recordAck(organizationId: string, ack: { id: string; ack: WaAck }): Promise<boolean> {
  const status = statusForAck(ack.ack)
  if (!status) return false
  const message = await db.message.findUnique({
    where: { organizationId_whatsappMessageId: { organizationId, whatsappMessageId: ack.id } },
    select: { id: true, status: true },
  })
  if (!message) {
    await getRedis().set(earlyKey(organizationId, ack.id), status, 'PX', 60_000).catch(() => undefined)
    return false
  }
  return advance(message.id, status)
}

async function advance(messageId: string, status: MessageStatus): Promise<boolean> {
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

/** Applies an ack that arrived before the message was marked SENT. */
export async function applyEarlyAck(organizationId: string, whatsappMessageId: string): Promise<void> {
  const key = earlyKey(organizationId, whatsappMessageId)
  const status = (await getRedis().get(key).catch(() => null)) as MessageStatus | null
  if (!status) return
  await getRedis().del(key).catch(() => undefined)
  const message = await db.message.findUnique({
    where: { organizationId_whatsappMessageId: { organizationId, whatsappMessageId } },
    select: { id: true },
  })
  if (message) await advance(message.id, status)
}
