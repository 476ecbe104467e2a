/**
 * Everything the server tells browsers in real time. Events are per organization; subscriptions only
 * ever read the caller's organization's stream.
 */
import type { WhatsAppSessionStatus } from '../db/generated/enums'

/** The full connection state, so a browser can replace what it shows with each event. */
export interface WhatsAppStatusView {
  status: WhatsAppSessionStatus
  qrCode: string | null
  phoneNumber: string | null
  pushName: string | null
  lastConnectedAt: Date | null
  lastDisconnectedAt: Date | null
  /** Machine-readable cause (LOGGED_OUT, BANNED, NETWORK, QR_EXPIRED, MAX_RECONNECT, …); the UI localizes it. */
  errorCode: string | null
  /** Technical detail for admins (English, no secrets). */
  errorMessage: string | null
  /** Set while reconnecting: attempt n of max. */
  reconnect: { attempt: number; max: number; delayMs: number } | null
  updatedAt: Date
}

export type AppEvent =
  | { type: 'whatsapp.status'; data: WhatsAppStatusView }
  | { type: 'message.created'; data: { conversationId: string; messageId: string } }
  | { type: 'message.updated'; data: { conversationId: string; messageId: string; status: string } }
  | { type: 'conversation.updated'; data: { conversationId: string } }
  | { type: 'bulk.progress'; data: { batchId: string; total: number; queued: number; sent: number; failed: number } }
  | { type: 'import.progress'; data: { importJobId: string } & Record<string, unknown> }

export type AppEventType = AppEvent['type']

export interface DeliveredEvent<E extends AppEvent = AppEvent> {
  /** The Redis stream id: increasing, usable as tRPC `tracked()` id for resuming. */
  id: string
  organizationId: string
  event: E
}
