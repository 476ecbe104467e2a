/**
 * Delivery acks from WhatsApp, translated into message statuses (PENDING → SENT → DELIVERED → READ, never
 * back; ack −1 → FAILED; the transitions themselves are `message-status.ts`). An ack for a message not
 * yet known by its WhatsApp id is parked.
 */
import { metrics } from '../../observability/metrics'
import { db } from '../../db'
import type { MessageStatus } from '../../db/generated/enums'
import type { WaAck } from '../../whatsapp/engine/types'
import { evaluateGovernor } from '../safety/governor'
import { fireAndForget } from './message-events'
import { ACK_ERROR_REASON, markAckFailed, markAcked, parkEarlyAck } from './message-status'

/**
 * The message status an ack means, or null for acks that change nothing. ERROR (ack −1) fails the
 * message; PENDING (ack 0) changes nothing: SENT needs the server's ack (≥ 1).
 */
export function statusForAck(ack: WaAck): MessageStatus | null {
  switch (ack) {
    case 'ERROR':
      return 'FAILED'
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
  if (status === 'FAILED') {
    const moved = await markAckFailed(message.id, ACK_ERROR_REASON)
    // --- governor (issue 12 point 1): an ack −1 may cross the failure threshold; judged now, not at the next send ---
    if (moved) fireAndForget(evaluateGovernor(organizationId))
    if (moved) metrics().sendOutcomes.inc({ ack: ack.ack })
    return moved
  }
  const moved = await markAcked(message.id, status)
  if (moved) metrics().sendOutcomes.inc({ ack: ack.ack })
  return moved
}
