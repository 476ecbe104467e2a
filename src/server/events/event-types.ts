/**
 * Everything the server tells browsers in real time. Events are per organization; subscriptions only
 * ever read the caller's organization's stream.
 */
import type {
  ConversationEntryKind,
  MediaKind,
  MediaStatus,
  MessageDirection,
  MessageOrigin,
  MessageSender,
  MessageStatus,
  WhatsAppSessionStatus,
} from '../db/generated/enums'
import type { ImportJobModel } from '../db/generated/models'
import type { JsonValue } from '../db/generated/internal/prismaNamespace'

/** A message as browsers show it (no internal fields). */
export interface MessageView {
  id: string
  conversationId: string
  content: string
  direction: MessageDirection
  sender: MessageSender
  senderId: string | null
  status: MessageStatus
  language: string | null
  error: string | null
  createdAt: Date
  sentAt: Date | null
  deliveredAt: Date | null
  readAt: Date | null
  /** PENDING and held by quiet hours until this time (domain/safety/send-clock.ts). */
  quietUntil: Date | null
  /** PHONE: typed on the business phone itself. */
  origin: MessageOrigin
  /** Deleted for everyone in WhatsApp (the content is kept for the operator). */
  deletedAt: Date | null
  editedAt: Date | null
  /** Earlier texts, newest last: `{ content, replacedAt }[]` (domain/messages/message-changes.ts). */
  editHistory: JsonValue
  /** Media (issue 14): the kind, where its file is (PENDING, STORED, TOO_LARGE, UNAVAILABLE + mediaError), what was announced. */
  mediaKind: MediaKind | null
  mediaStatus: MediaStatus | null
  mediaError: string | null
  mediaFileName: string | null
  mediaMimeType: string | null
  mediaSize: number | null
  /** The stored file (served by /api/media/<message id>). */
  mediaFile: { size: number; contentType: string } | null
  /** LOCATION: { latitude, longitude, name?, address?, url? }; CONTACT: [{ name, phones }]. */
  location: JsonValue | null
  contact: JsonValue | null
}

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
  /** The stored profile archive's size, and whether it passed WHATSAPP_SESSION_SIZE_WARN_MB (null: none stored). */
  storedProfile: { sizeBytes: number; limitBytes: number; oversized: boolean } | null
  /** Set while the phone is linked and WhatsApp Web loads chats (between `authenticated` and `ready`). */
  linkedAt: Date | null
  updatedAt: Date
}

export type AppEvent =
  | { type: 'whatsapp.status'; data: WhatsAppStatusView }
  | { type: 'message.created'; data: { conversationId: string; message: MessageView } }
  | { type: 'message.updated'; data: { conversationId: string; message: MessageView } }
  | {
      type: 'conversation.updated'
      data: {
        conversationId: string
        clientId: string
        lastMessageAt: Date | null
        /** Unread customer messages and since when the customer waits for a reply (domain/conversations/read-state.ts). */
        unreadCount: number
        waitingSince: Date | null
      }
    }
  | { type: 'bulk.progress'; data: BulkProgress }
  | { type: 'import.progress'; data: ImportProgress }
  // issue 13: thread entries (private notes, assignment and status lines) and @mentions
  | { type: 'conversation.entry'; data: { conversationId: string; entry: ConversationEntryView } }
  | { type: 'mention.created'; data: { conversationId: string; userId: string; mention: MentionView } }
  | { type: 'governor.state'; data: GovernorStateView }

/** A thread line that is not a WhatsApp message: a private note or a system line (who did what). */
export interface ConversationEntryView {
  id: string
  conversationId: string
  kind: ConversationEntryKind
  authorId: string | null
  content: string
  /** Names at the time: `authorName`, `assigneeName`, `previousAssigneeName`, `until` (ISO). */
  data: JsonValue
  createdAt: Date
}

/** An @mention of the user in a note, as their notification list shows it. */
export interface MentionView {
  id: string
  conversationId: string
  entryId: string
  readAt: Date | null
  createdAt: Date
  authorName: string | null
  excerpt: string
  clientName: string | null
}

// --- governor (issue 12 point 1) ---
/** What WhatsApp answered to the organization's recent bulk and agent sends (domain/safety/governor-figures.ts). */
export interface GovernorFigures {
  /** The window's start: the later of "windowHours ago" and the last resume. */
  since: Date
  /** Sends WhatsApp answered (taken, failed or refused), newest `windowSends`. */
  answered: number
  /** Of those: ack −1 or refused (FAILED). */
  failed: number
  /** Of those: the number has no WhatsApp account. */
  notOnWhatsApp: number
  /** Sends older than the delivery timeout (newest `windowSends`), and how many never reached the device. */
  matured: number
  undelivered: number
  /** Sends older than the reply wait (newest `windowSends`), and how many the customer answered. */
  replyMatured: number
  replied: number
}

export type GovernorReason = 'UNDELIVERED' | 'FAILED' | 'NOT_ON_WHATSAPP' | 'LOW_REPLIES'

/** The threshold a pause crossed: the measured share against the limit, over `sample` sends. */
export interface GovernorTrip {
  reason: GovernorReason
  percent: number
  limitPercent: number
  sample: number
}

/** Whether bulk and agent sends of the organization are paused, and why. */
export interface GovernorStateView {
  paused: boolean
  /** The current pause (null when not paused). */
  pause: { at: Date; trip: GovernorTrip; figures: GovernorFigures } | null
  /** The last resume (null: never resumed). */
  resumed: { at: Date; byUserId: string | null } | null
}
// --- end governor ---

export interface BulkProgress {
  batchId: string
  total: number
  pending: number
  /** Of the pending: held by quiet hours until the morning. */
  waitingQuiet: number
  sent: number
  delivered: number
  failed: number
  /** Queued, then stopped before leaving: a repeat of the same text within 24 h. */
  skipped: number
  /** Left out by a safety rule: the customer opted out (or is not on WhatsApp), at creation or before sending. */
  excluded: number
  /** Skipped and excluded recipients by reason (OPTED_OUT, REPEAT, NOT_ON_WHATSAPP), at creation and before sending. */
  reasons: Partial<Record<'OPTED_OUT' | 'REPEAT' | 'NOT_ON_WHATSAPP', number>>
  /** Share of queued messages that reached a final state (sent, delivered, read, failed or skipped), 0–100. */
  percent: number
}

/** An import job as browsers show it: its state and counters, with the share of chats done. */
export type ImportJobView = Pick<
  ImportJobModel,
  | 'id'
  | 'kind'
  | 'status'
  | 'options'
  | 'dryRun'
  | 'qrCode'
  | 'cancelRequested'
  | 'chatsTotal'
  | 'chatsProcessed'
  | 'messagesProcessed'
  | 'clientsCreated'
  | 'clientsUpdated'
  | 'conversationsCreated'
  | 'messagesImported'
  | 'duplicatesSkipped'
  | 'errorsCount'
  | 'errors'
  | 'notes'
  | 'preview'
  | 'startedAt'
  | 'finishedAt'
  | 'createdAt'
> & { percent: number }

export interface ImportProgress {
  importJobId: string
  job: ImportJobView
}

export type AppEventType = AppEvent['type']

export interface DeliveredEvent<E extends AppEvent = AppEvent> {
  /** The Redis stream id: increasing, usable as tRPC `tracked()` id for resuming. */
  id: string
  organizationId: string
  event: E
}
