/**
 * The WhatsApp engine contract, in our own types. Everything above an engine (the client wrapper, the
 * session manager, queues, tRPC) speaks only these; each engine maps its library's events to them in
 * one place (its mappers), so the real engine and the simulator are interchangeable.
 */
import type { EventEmitter } from 'node:events'

/** Delivery progress of an outgoing message, as WhatsApp reports it. */
export type WaAck = 'ERROR' | 'PENDING' | 'SERVER' | 'DEVICE' | 'READ' | 'PLAYED'

/**
 * Why a session ended:
 * - LOGOUT: the phone unlinked this device (a new QR is needed);
 * - BANNED: WhatsApp blocked the number (terms of service): stop everything, tell the admin;
 * - CONFLICT: WhatsApp Web was opened elsewhere;
 * - NETWORK: the connection dropped (reconnect with backoff);
 * - QR_EXPIRED: nobody scanned the QR in time;
 * - UNPAIRED: the stored session is no longer valid (a new QR is needed);
 * - NAVIGATION: the page reloaded or navigated unexpectedly (ambiguous: never treat as logout);
 * - UNKNOWN: anything else.
 * - DEPRECATED_VERSION: WhatsApp refuses this WhatsApp Web build (terminal: a pin or library upgrade is needed);
 * - LOGIN_STALLED: the phone linked but WhatsApp Web never became ready (raised by the client's watchdog).
 */
export type WaDisconnectReason =
  'LOGOUT' | 'BANNED' | 'CONFLICT' | 'NETWORK' | 'QR_EXPIRED' | 'UNPAIRED' | 'NAVIGATION' | 'DEPRECATED_VERSION' | 'LOGIN_STALLED' | 'UNKNOWN'

/**
 * Message kinds we distinguish. Media, locations and contact cards keep a `[Media: <type>]` placeholder
 * (plus the caption) as their text; the file is downloaded later (`downloadMedia`), the rest travels as data.
 */
export type WaMessageType = 'text' | 'image' | 'video' | 'audio' | 'voice' | 'document' | 'sticker' | 'location' | 'contact' | 'unknown'

/** What WhatsApp announces about a message's file before it is downloaded (each may be missing). */
export interface WaMediaInfo {
  mimetype?: string
  /** The sender's file name (documents); never a path of ours. */
  fileName?: string
  /** Bytes, as announced: checked against the cap before downloading. */
  size?: number
}

/** A shared location. */
export interface WaLocation {
  latitude: number
  longitude: number
  name?: string
  address?: string
  url?: string
}

/** One contact card (a vCard), as name and numbers. */
export interface WaContactCard {
  name: string
  phones: string[]
}

/** A downloaded file. `data` is the bytes (whatsapp-web.js hands them over whole, base64) or a stream. */
export interface WaDownloadedMedia {
  data: Buffer | AsyncIterable<Uint8Array>
  mimetype: string
  fileName?: string
}

/**
 * A file to send (media out). The bytes are read from the media store by the process that runs the
 * session (never carried in a job or over Redis); the type was sniffed from the bytes when it was uploaded.
 */
export interface WaOutgoingMedia {
  data: Buffer
  mimetype: string
  /** The name the customer sees (documents). */
  fileName?: string
  /** Sent as a document the customer downloads, not shown as a photo. */
  asDocument: boolean
}

/** What a message carries besides its text (the same on raw and incoming messages). */
export interface WaMessageAttachments {
  media?: WaMediaInfo
  location?: WaLocation
  /** Contact cards: one for `vcard`, several for `multi_vcard`. */
  contacts?: WaContactCard[]
}

/** A message as an engine sees it, before any filtering. */
export interface WaRawMessage extends WaMessageAttachments {
  /** WhatsApp's serialized id (e.g. `false_996555123456@c.us_3EB0…`). */
  id: string
  /** Chat id of the sender: `<phone>@c.us`, `<id>@lid`, `<group>@g.us`, `status@broadcast`. */
  from: string
  to: string
  body: string
  /** Unix seconds. */
  timestamp: number
  fromMe: boolean
  isStatus: boolean
  isGroup: boolean
  hasMedia: boolean
  type: WaMessageType
  /** The sender's own display name (push name), when WhatsApp sends it. */
  notifyName?: string
}

/** One message's delivery progress (a `message_ack` event, or an answer to getMessageAcks). */
export interface WaMessageAck {
  id: string
  ack: WaAck
}

/** The normalized incoming message the rest of the system consumes. */
export interface WaIncomingMessage extends WaMessageAttachments {
  id: string
  from: string
  to: string
  body: string
  timestamp: number
  hasMedia: boolean
  type: WaMessageType
  notifyName?: string
}

export interface WaContact {
  id: string
  /** The name saved in the business phone's address book. */
  name?: string
  /** The name the customer set for themselves. */
  pushName?: string
  avatarUrl?: string
  isBusiness?: boolean
}

/**
 * Both identities of one customer, as far as WhatsApp tells: `lid` (`<id>@lid`, the hidden-number id)
 * and `phone` (E.164). Either may stay null: privacy settings can hide the number for good.
 */
export interface WaIdentity {
  lid: string | null
  phone: string | null
}

export interface WaMe {
  /** Our own WhatsApp id, e.g. `996555000001@c.us`. */
  wid: string
  phone: string
  pushName?: string
}

export interface WaSentMessage {
  id: string
  timestamp: number
  /**
   * Where the message is when the send returns. 'PENDING': accepted by WhatsApp Web but not yet by the
   * server (whatsapp-web.js returns ack 0; it happens even offline): SENT follows with an ack.
   * Unset: the server has it (engines without acks).
   */
  ack?: WaAck
}

/** One of our own messages in a chat, as WhatsApp has it (send recovery after a crash, see send-recovery.ts). */
export interface WaOutgoingMessage {
  id: string
  body: string
  /** Unix seconds. */
  timestamp: number
  ack?: WaAck
}

/** Whether a phone number has WhatsApp (a new chat is checked before anything is created). */
export interface WaNumberCheck {
  onWhatsApp: boolean
  /** The chat id WhatsApp answers for the number (may differ from `<digits>@c.us`); set when onWhatsApp. */
  chatId?: string
}

/** A message deleted for everyone ("This message was deleted"), by the customer or on our phone. */
export interface WaRevoke {
  /** The deleted message's serialized id (the id our row carries). */
  id: string
  /** Another id WhatsApp gave for the same message (the revoke's protocol key), when it differs. */
  originalId?: string
  /** The chat it was in (`<phone>@c.us`, `<id>@lid`, a group…). */
  chatId: string
  fromMe: boolean
  /** Unix seconds. */
  timestamp: number
}

/** A message whose text was edited in WhatsApp. */
export interface WaEdit {
  id: string
  chatId: string
  fromMe: boolean
  body: string
  /** The text before this edit, when the library knew it. */
  previousBody?: string
  /** Unix seconds. */
  timestamp: number
}

export interface EngineEvents {
  qr: [qr: string]
  authenticated: []
  ready: [me: WaMe]
  auth_failure: [message: string]
  message: [message: WaRawMessage]
  message_ack: [ack: { id: string; ack: WaAck }]
  /** A message the business account wrote (typed on the phone, or our own sends: the client tells them apart). */
  message_from_me: [message: WaRawMessage]
  message_revoked: [revoke: WaRevoke]
  message_edited: [edit: WaEdit]
  disconnected: [reason: WaDisconnectReason, detail?: string]
}

/** What an engine can do beyond the basics; callers check instead of catching "not implemented". */
export interface EngineCapabilities {
  contacts: boolean
  avatars: boolean
  history: boolean
}

/** A chat with its messages, for history import (engines with `capabilities.history`). */
export interface WaChatSummary {
  id: string
  name?: string
  isGroup: boolean
  unreadCount: number
  lastMessageAt?: number
}

/**
 * One WhatsApp Web session. An engine instance is single-use: after `destroy()` a new one is made.
 * `initialize()` resolves once the session is started (QR shown or authenticated), rejects when it
 * cannot start at all (no browser, no network) with an EngineError.
 */
export interface WaEngine extends EventEmitter<EngineEvents> {
  readonly kind: 'webjs' | 'simulator'
  readonly capabilities: EngineCapabilities
  initialize(): Promise<void>
  sendText(chatId: string, text: string): Promise<WaSentMessage>
  /** Sends a photo or a document with an optional caption; the same errors and acks as sendText. */
  sendMedia(chatId: string, media: WaOutgoingMedia, options: { caption?: string }): Promise<WaSentMessage>
  getContact(chatId: string): Promise<WaContact | null>
  getMe(): WaMe | null
  /** Persist the auth state now (RemoteAuth archive, simulator token). No-op where nothing is stored. */
  syncSession(): Promise<void>
  /** Unlink this device (the phone forgets it) and forget the stored session. */
  logout(): Promise<void>
  /** Close the session, keeping the stored auth state for the next start. */
  destroy(): Promise<void>
  /** History import (capabilities.history). */
  getChats?(): Promise<WaChatSummary[]>
  fetchMessages?(chatId: string, limit: number): Promise<WaRawMessage[]>
  /** The LID and phone behind a private chat id (`<id>@lid` or `<digits>@c.us`); null fields when unknown. */
  resolveIdentity?(chatId: string): Promise<WaIdentity>
  /**
   * The current ack of each of our sent messages, by serialized id (acks that arrived while no process
   * listened: reconciliation after a restore or takeover). Ids the engine does not know are left out.
   */
  getMessageAcks?(ids: string[]): Promise<WaMessageAck[]>
  /**
   * Our own messages in a private chat sent at or after `since` (Unix seconds), oldest first: whether a
   * send whose record was lost in a crash reached WhatsApp (send-recovery.ts). Throws when it cannot
   * tell (not connected, the page failed); never answers [] unless WhatsApp has none.
   */
  findRecentOutgoing(chatId: string, options: { since: number }): Promise<WaOutgoingMessage[]>
  /**
   * Customers' messages in private chats at or after `since` (Unix seconds), oldest first, at most `limit`
   * (the newest): what reached WhatsApp Web while no process of ours stored it, e.g. a node killed between
   * receiving a message and storing it (incoming catch-up, domain/messages/incoming-catch-up.ts). The caller
   * skips the ones it has. Throws when it cannot tell (not connected, the page failed).
   */
  findRecentIncoming?(options: { since: number; limit: number }): Promise<WaRawMessage[]>
  /**
   * Marks a private chat read on WhatsApp (the customer sees blue ticks), when an operator opened the
   * conversation and the organization sends read receipts. Resolves false when WhatsApp has no such chat;
   * throws EngineError(NOT_CONNECTED) when not connected.
   */
  sendSeen(chatId: string): Promise<boolean>
  /**
   * The file of a received message (by serialized id). Resolves null when WhatsApp no longer has it
   * (expired, deleted from the phone) or will not give it now; throws EngineError(NOT_CONNECTED) when
   * not connected, another EngineError when the page failed.
   */
  downloadMedia(messageId: string): Promise<WaDownloadedMedia | null>
  /**
   * Whether a phone number (international digits, no `+`: `996555123456`) is on WhatsApp, and the chat id
   * WhatsApp knows it by. Throws EngineError(NOT_CONNECTED) when not connected. Each call asks WhatsApp's
   * servers: callers rate-limit it (a burst of lookups is a ban risk and an enumeration vector).
   */
  checkNumber(phoneDigits: string): Promise<WaNumberCheck>
  /** The pid (and process group) of the browser this engine runs, for memory metrics; absent without one. */
  browserPid?(): number | null
}

/** What the session store keeps for an engine: an opaque archive. */
export interface SessionArchiveStore {
  exists(sessionName: string): Promise<boolean>
  /** Saves the archive; returns false when unchanged (same hash) and nothing was written. */
  save(sessionName: string, archive: Buffer): Promise<boolean>
  load(sessionName: string): Promise<Buffer | null>
  /** Deletes the stored archive. Only called after an explicit, confirmed logout. */
  remove(sessionName: string): Promise<void>
  /** The stored archive's hash and size (null when none, or dead): decides whether a local profile is newer. */
  info(sessionName: string): Promise<{ hash: string; size: number } | null>
  /**
   * The phone unlinked this device: the archive is dead, so `exists`/`load` no longer return it (the next
   * start shows a QR). The next `save` (a new pairing) revives the row.
   */
  markDead(sessionName: string): Promise<void>
}

export interface EngineOptions {
  organizationId: string
  mode: 'integration' | 'import'
  /** Client id (`org-<org>` or `import-<org>`), data path and session name come from createWhatsAppClientConfig. */
  clientId: string
  dataPath: string
  store: SessionArchiveStore
}

export type EngineFactory = (options: EngineOptions) => WaEngine
