/**
 * Delivery acks from WhatsApp, translated into message statuses (SENT → DELIVERED → READ, never back;
 * the transition itself is `message-status.ts`). An ack for a message not yet marked SENT is parked.
 */
import { db } from '../../db'
import type { MessageStatus } from '../../db/generated/enums'
import type { WaAck } from '../../whatsapp/engine/types'
import { markAcked, parkEarlyAck } from './message-status'

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

/** Records one ack; returns whether a message moved. */
export async function recordAck(organizationId: string, ack: { id: string; ack: WaAck }): Promise<boolean> {
  const status = statusForAck(ack.ack)
  if (!status) return false
  const message = await db.message.findUnique({
    where: { organizationId_whatsappMessageId: { organizationId, whatsappMessageId: ack.id } },
    select: { id: true },
  })
  if (!message) {
    await parkEarlyAck(organizationId, ack.id, status)
    return false
  }
  return markAcked(message.id, status)
}
