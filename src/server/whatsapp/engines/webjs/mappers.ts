/**
 * whatsapp-web.js data → our engine types. The one place that knows the library's shapes, kept pure so
 * it is tested with plain objects (no browser). Inputs are typed structurally, not with the library's
 * classes, so tests and history import can pass serialized data.
 */
import { EngineError } from '../../engine/errors'
import type {
  WaAck,
  WaChatSummary,
  WaContact,
  WaDisconnectReason,
  WaEdit,
  WaLocation,
  WaMe,
  WaMessageAttachments,
  WaMessageType,
  WaRawMessage,
  WaRevoke,
} from '../../engine/types'
import { parseVCard } from '../../engine/vcard'
import { extractPhoneFromWhatsAppId } from '../../phone'

/** A WhatsApp id as the library serializes it (`{ _serialized: '996…@c.us' }`), or already a string. */
export type WebjsId = string | { _serialized: string } | null | undefined

/** The fields of a whatsapp-web.js `Message` we read. */
export interface WebjsMessageLike {
  id: { _serialized: string; fromMe?: boolean; remote?: WebjsId }
  from?: WebjsId
  to?: WebjsId
  author?: WebjsId
  body?: string | null
  timestamp?: number | null
  fromMe?: boolean
  isStatus?: boolean
  hasMedia?: boolean
  type?: string
  /** The page's raw model (Message.js:31): notifyName, and for media mimetype, filename and size (bytes). */
  _data?: { notifyName?: string | null; mimetype?: unknown; filename?: unknown; size?: unknown } | null
  /** Message.js:173-187: for type `location`, a Location (latitude, longitude, name?, address?, url?). */
  location?: { latitude?: unknown; longitude?: unknown; name?: unknown; address?: unknown; url?: unknown } | null
  /** Message.js:193-198: the vCard texts of `vcard` (its body) and `multi_vcard` messages. */
  vCards?: unknown
  /** Set on revoked messages: the key of the message that was deleted (structures/Message.js:299-301). */
  protocolMessageKey?: WebjsId
  latestEditSenderTimestampMs?: number | null
}

/** The fields of a whatsapp-web.js `Contact` we read. */
export interface WebjsContactLike {
  id: { _serialized: string }
  name?: string | null
  pushname?: string | null
  isBusiness?: boolean
}

/** The fields of a whatsapp-web.js `Chat` we read. */
export interface WebjsChatLike {
  id: { _serialized: string }
  name?: string | null
  isGroup?: boolean
  unreadCount?: number | null
  timestamp?: number | null
}

/** The fields of `client.info` (ClientInfo) we read. */
export interface WebjsClientInfoLike {
  wid?: WebjsId
  pushname?: string | null
}

export function serializeId(id: WebjsId): string {
  if (!id) return ''
  return typeof id === 'string' ? id : id._serialized
}

const MESSAGE_TYPES: Record<string, WaMessageType> = {
  chat: 'text',
  image: 'image',
  video: 'video',
  audio: 'audio',
  ptt: 'voice',
  document: 'document',
  sticker: 'sticker',
  location: 'location',
  vcard: 'contact',
  multi_vcard: 'contact',
}

export function mapMessageType(type: string | undefined): WaMessageType {
  return (type && MESSAGE_TYPES[type]) || 'unknown'
}

const text = (value: unknown, max = 200): string | undefined => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined)

/** A location's coordinates and description, or undefined when the coordinates are not numbers in range. */
export function mapLocation(location: WebjsMessageLike['location']): WaLocation | undefined {
  const latitude = Number(location?.latitude)
  const longitude = Number(location?.longitude)
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined
  const name = text(location?.name)
  const address = text(location?.address)
  const url = text(location?.url, 500)
  return { latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}), ...(url && /^https?:\/\//.test(url) ? { url } : {}) }
}

/**
 * What a message carries besides its text: the announced file (mimetype, file name, size from the page's
 * model), the location, or the contact cards. Location and vCard messages have no downloadable media
 * (Message.js:49 `hasMedia` is `Boolean(data.directPath)`).
 */
export function mapAttachments(msg: WebjsMessageLike, type: WaMessageType): WaMessageAttachments {
  if (type === 'location') {
    const location = mapLocation(msg.location)
    return location ? { location } : {}
  }
  if (type === 'contact') {
    const cards = Array.isArray(msg.vCards) ? msg.vCards.filter((c): c is string => typeof c === 'string') : []
    return { contacts: cards.slice(0, 20).map(parseVCard) }
  }
  if (!msg.hasMedia) return {}
  const mimetype = text(msg._data?.mimetype, 100)
  const fileName = text(msg._data?.filename, 255)
  const size = typeof msg._data?.size === 'number' && Number.isFinite(msg._data.size) && msg._data.size >= 0 ? Math.floor(msg._data.size) : undefined
  return { media: { ...(mimetype ? { mimetype } : {}), ...(fileName ? { fileName } : {}), ...(size !== undefined ? { size } : {}) } }
}

/**
 * The text of a message. Media: the caption (Message.js:55). A location's `body` is its map thumbnail
 * (base64 JPEG) and a contact card's is the raw vCard: neither is text for the CRM, so both give ''
 * (the description and the card travel as data).
 */
function bodyOf(msg: WebjsMessageLike, type: WaMessageType): string {
  if (type === 'location' || type === 'contact') return ''
  return msg.body ?? ''
}

/** A library message as our raw message (before any filtering of status/group messages). */
export function mapMessage(msg: WebjsMessageLike): WaRawMessage {
  const from = serializeId(msg.from)
  const to = serializeId(msg.to)
  const notifyName = msg._data?.notifyName?.trim()
  const type = mapMessageType(msg.type)
  return {
    id: msg.id._serialized,
    from,
    to,
    body: bodyOf(msg, type),
    // Some message kinds (e.g. just-sent ones) arrive without `t`; 0 would sort them into 1970.
    timestamp: msg.timestamp || Math.floor(Date.now() / 1000),
    fromMe: Boolean(msg.fromMe ?? msg.id.fromMe),
    isStatus: Boolean(msg.isStatus) || from === 'status@broadcast' || serializeId(msg.id.remote) === 'status@broadcast',
    // `author` is only set for group messages (the participant who wrote it).
    isGroup: from.endsWith('@g.us') || to.endsWith('@g.us') || Boolean(serializeId(msg.author)),
    hasMedia: Boolean(msg.hasMedia),
    type,
    ...(notifyName ? { notifyName } : {}),
    ...mapAttachments(msg, type),
  }
}

/** The id of a library message, or '' when the payload has none (malformed or not a Message at all). */
function messageIdOf(msg: unknown): string {
  const id = (msg as { id?: unknown } | null | undefined)?.id
  if (!id || typeof id !== 'object') return ''
  const serialized = (id as { _serialized?: unknown })._serialized
  return typeof serialized === 'string' ? serialized : ''
}

/** The chat a message belongs to: for our own messages `to` is the chat, for others `from` (structures/Message.js:71-90). */
function chatIdOf(msg: WebjsMessageLike, fromMe: boolean): string {
  return serializeId(fromMe ? msg.to : msg.from) || serializeId(msg.id.remote)
}

/**
 * A `message_create` payload the business account wrote, or null. Client.js:655 emits
 * `message_create` for every new message, ours included; Client.js:657 then stops before `message` for
 * `msg.id.fromMe`, so own messages reach us only here. Messages from others (also in `message_create`)
 * and malformed payloads (no id) give null.
 */
export function mapFromMe(msg: unknown): WaRawMessage | null {
  if (!messageIdOf(msg)) return null
  const like = msg as WebjsMessageLike
  // Message.js:149: fromMe is data.id.fromMe.
  if (!(like.fromMe ?? like.id.fromMe)) return null
  const mapped = mapMessage(like)
  return mapped.to ? mapped : null
}

/**
 * `message_revoke_everyone` (after, before) as our revoke, or null when malformed. Client.js:672-696:
 * `after` is the message once its type became 'revoked' (same id, no original content); `before` is the
 * last known state, present only when the library still had it, and then its id is replaced by the
 * revoke's protocolMessageKey (Client.js:681). The stored row is found by either id.
 */
export function mapRevoke(after: unknown, before?: unknown): WaRevoke | null {
  const id = messageIdOf(after) || messageIdOf(before)
  if (!id) return null
  const like = (messageIdOf(after) ? after : before) as WebjsMessageLike
  const fromMe = Boolean(like.fromMe ?? like.id.fromMe)
  const alternatives = [messageIdOf(before), serializeId((after as WebjsMessageLike | null)?.protocolMessageKey)].filter((other) => other && other !== id)
  const chatId = chatIdOf(like, fromMe)
  if (!chatId) return null
  return {
    id,
    ...(alternatives[0] ? { originalId: alternatives[0] } : {}),
    chatId,
    fromMe,
    // When it was deleted: the library gives no time of its own for the revoke.
    timestamp: Math.floor(Date.now() / 1000),
  }
}

/**
 * `message_edit` (message, newBody, prevBody) as our edit, or null. Client.js:957-975 forwards the
 * page's `change:body change:caption` (Client.js:1057) for every message whose body changed (revoked
 * ones excluded); a change to the same text, a missing id or a non-string body is no edit.
 */
export function mapEdit(msg: unknown, newBody: unknown, prevBody: unknown): WaEdit | null {
  const id = messageIdOf(msg)
  if (!id || typeof newBody !== 'string') return null
  const previousBody = typeof prevBody === 'string' ? prevBody : undefined
  if (previousBody === newBody) return null
  const like = msg as WebjsMessageLike
  const fromMe = Boolean(like.fromMe ?? like.id.fromMe)
  const chatId = chatIdOf(like, fromMe)
  if (!chatId) return null
  return {
    id,
    chatId,
    fromMe,
    body: newBody,
    ...(previousBody !== undefined ? { previousBody } : {}),
    // Message.js:286-288: the edit's own time, when WhatsApp sent it; else now.
    timestamp: typeof like.latestEditSenderTimestampMs === 'number' ? Math.floor(like.latestEditSenderTimestampMs / 1000) : Math.floor(Date.now() / 1000),
  }
}

/** MessageAck numbers (-1…4) as our ack; out-of-range values clamp to the nearest end. */
export function mapAck(ack: number | null | undefined): WaAck {
  if (typeof ack !== 'number' || Number.isNaN(ack)) return 'PENDING'
  if (ack <= -1) return 'ERROR'
  if (ack === 0) return 'PENDING'
  if (ack === 1) return 'SERVER'
  if (ack === 2) return 'DEVICE'
  if (ack === 3) return 'READ'
  return 'PLAYED'
}

/**
 * The library's `disconnected` reason (a WAState, 'LOGOUT', 'NAVIGATION' or free text) as ours.
 * Choices beyond the obvious ones:
 * - TIMEOUT, OPENING, PAIRING: transient socket states (the library treats them as "still connecting")
 *   → NETWORK, so the session manager reconnects with backoff.
 * - PROXYBLOCK: WhatsApp refused the connection from this network/proxy → NETWORK (a network-level
 *   problem; backoff, and an admin may change the proxy). Not BANNED: the number itself is fine.
 * - UNLAUNCHED: the page never got a working socket → UNKNOWN (a relaunch with backoff may help).
 * - DEPRECATED_VERSION: WhatsApp refuses this WhatsApp Web build → DEPRECATED_VERSION (terminal: a
 *   relaunch loads the same build; it needs WHATSAPP_WEB_VERSION or a library upgrade).
 * - NAVIGATION is never emitted by 1.34.7 (its `disconnected` reasons are a WAState, 'LOGOUT' and
 *   'Max qrcode retries reached', Client.js:239/497/852); it is still mapped, never relied on.
 * The library emits these after `change_state` for every state outside CONNECTED/OPENING/PAIRING/TIMEOUT
 * (Client.js:815-855); TIMEOUT (a network drop) has no `disconnected`: the engine watches it itself.
 */
export function mapDisconnectReason(reason: string | null | undefined): WaDisconnectReason {
  const raw = (reason ?? '').trim()
  if (/max qrcode retries/i.test(raw)) return 'QR_EXPIRED'
  switch (raw.toUpperCase()) {
    case 'LOGOUT':
      return 'LOGOUT'
    case 'TOS_BLOCK':
    case 'SMB_TOS_BLOCK':
      return 'BANNED'
    case 'CONFLICT':
      return 'CONFLICT'
    case 'UNPAIRED':
    case 'UNPAIRED_IDLE':
      return 'UNPAIRED'
    case 'NAVIGATION':
      return 'NAVIGATION'
    case 'DEPRECATED_VERSION':
      return 'DEPRECATED_VERSION'
    case 'TIMEOUT':
    case 'OPENING':
    case 'PAIRING':
    case 'PROXYBLOCK':
      return 'NETWORK'
    default:
      return 'UNKNOWN'
  }
}

export function mapContact(contact: WebjsContactLike, avatarUrl?: string | null): WaContact {
  return {
    id: contact.id._serialized,
    ...(contact.name ? { name: contact.name } : {}),
    ...(contact.pushname ? { pushName: contact.pushname } : {}),
    ...(avatarUrl ? { avatarUrl } : {}),
    ...(contact.isBusiness !== undefined ? { isBusiness: Boolean(contact.isBusiness) } : {}),
  }
}

export function mapChat(chat: WebjsChatLike): WaChatSummary {
  return {
    id: chat.id._serialized,
    ...(chat.name ? { name: chat.name } : {}),
    isGroup: Boolean(chat.isGroup) || chat.id._serialized.endsWith('@g.us'),
    unreadCount: chat.unreadCount ?? 0,
    ...(chat.timestamp ? { lastMessageAt: chat.timestamp } : {}),
  }
}

/**
 * Our own account from `client.info`. The wid may be an `@lid` id (WhatsApp hides the number): the
 * phone is then empty rather than invented.
 */
export function mapMe(info: WebjsClientInfoLike | null | undefined): WaMe | null {
  const wid = serializeId(info?.wid)
  if (!wid) return null
  const { phone } = extractPhoneFromWhatsAppId(wid)
  return { wid, phone: phone ?? '', ...(info?.pushname ? { pushName: info.pushname } : {}) }
}

function errorText(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`
  if (typeof err === 'string') return err
  try {
    return JSON.stringify(err) ?? String(err)
  } catch {
    return String(err)
  }
}

const UNREACHABLE =
  /net::ERR_(NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|INTERNET_DISCONNECTED|CONNECTION_[A-Z_]+|ADDRESS_UNREACHABLE|NETWORK_CHANGED|NETWORK_ACCESS_DENIED|PROXY_CONNECTION_FAILED|TUNNEL_CONNECTION_FAILED|TIMED_OUT|SSL_PROTOCOL_ERROR|CERT_[A-Z_]+)/

/**
 * Why `client.initialize()` failed, as an EngineError: WhatsApp unreachable (retry later), the browser
 * cannot start (a deployment problem: retrying will not help), or a timeout. The library also throws
 * bare strings ('auth timeout', 'ready timeout'), so anything is accepted.
 */
export function mapInitError(err: unknown): EngineError {
  if (err instanceof EngineError) return err
  const text = errorText(err)
  const code = (err as { code?: unknown } | null)?.code
  if (UNREACHABLE.test(text)) {
    return new EngineError('WHATSAPP_UNREACHABLE', `WhatsApp Web is unreachable: ${text}`, { retryable: true, cause: err })
  }
  if (
    /Failed to launch the browser process|Browser was not found at the configured executablePath|Could not find Chrom/i.test(text) ||
    (code === 'ENOENT' && /spawn|executable|chrom/i.test(text)) ||
    (code === 'EACCES' && /spawn/i.test(text))
  ) {
    return new EngineError('BROWSER_LAUNCH_FAILED', `Chromium could not be started: ${text}`, { retryable: false, cause: err })
  }
  if ((err as { name?: unknown } | null)?.name === 'TimeoutError' || /time(d)?[ -]?out/i.test(text)) {
    return new EngineError('TIMEOUT', `WhatsApp Web did not start in time: ${text}`, { retryable: true, cause: err })
  }
  return new EngineError('UNKNOWN', `WhatsApp Web failed to start: ${text}`, { cause: err })
}

/** Puppeteer's ways of saying the page or browser is gone (closed, crashed, navigated away). */
const PAGE_GONE =
  /Target closed|Session closed|Connection closed|Protocol error|Execution context was destroyed|detached Frame|Navigating frame was detached|reading 'evaluate'/i

/**
 * A failure while talking to a running session (send, contact lookup, history). A page that went away
 * means NOT_CONNECTED (retry after the reconnect); anything else is `fallback` (retryable by default).
 */
export function mapRuntimeError(err: unknown, fallback: 'SEND_FAILED' | 'UNKNOWN' = 'SEND_FAILED'): EngineError {
  if (err instanceof EngineError) return err
  const text = errorText(err)
  if (PAGE_GONE.test(text)) return new EngineError('NOT_CONNECTED', `WhatsApp Web page is gone: ${text}`, { retryable: true, cause: err })
  if ((err as { name?: unknown } | null)?.name === 'TimeoutError') {
    return new EngineError('TIMEOUT', `WhatsApp Web did not answer in time: ${text}`, { retryable: true, cause: err })
  }
  return new EngineError(fallback, text, { retryable: fallback === 'SEND_FAILED', cause: err })
}

/**
 * The library message types a customer sends (MessageTypes, util/Constants.js:85-96): text, media
 * (image, video, audio, ptt = voice, document, sticker), location and contact cards. Everything else
 * the library emits as `message` (e2e_notification, notification_template, call_log, protocol, gp2,
 * revoked, ciphertext, reaction, …, Constants.js:97-123) is a system notice, not a customer message.
 */
const CUSTOMER_MESSAGE_TYPES: ReadonlySet<string> = new Set([
  'chat',
  'image',
  'video',
  'audio',
  'ptt',
  'document',
  'sticker',
  'location',
  'vcard',
  'multi_vcard',
])
/** Types that mean something without a body or downloadable media. */
const CONTENT_WITHOUT_BODY: ReadonlySet<string> = new Set(['location', 'vcard', 'multi_vcard'])

export type IncomingVerdict = { ok: true; message: WaRawMessage } | { ok: false; reason: string }

function isIdLike(value: unknown): value is WebjsId {
  if (typeof value === 'string') return value.length > 0
  return typeof value === 'object' && value !== null && typeof (value as { _serialized?: unknown })._serialized === 'string'
}

/**
 * The engine boundary for a library `message` (or a history message): a customer's message as our raw
 * message, or why it is dropped. Accepts anything (a malformed payload is a reason, never a throw):
 * - no serialized id or sender (Message.js:37 copies `data.id` as is) → 'malformed';
 * - `_data.isNotification` (the page's own flag, also filtered by Chat.js:207) → 'notification';
 * - a type outside CUSTOMER_MESSAGE_TYPES → 'type:<type>' (unknown types too);
 * - no body and no media (Message.js:49-57: body is '' unless text or caption), except location and
 *   contact cards → 'empty'.
 */
export function acceptIncomingMessage(input: unknown): IncomingVerdict {
  if (typeof input !== 'object' || input === null) return { ok: false, reason: 'malformed' }
  const msg = input as Partial<WebjsMessageLike> & { _data?: { isNotification?: unknown } | null }
  const id = msg.id as { _serialized?: unknown } | null | undefined
  if (!id || typeof id !== 'object' || typeof id._serialized !== 'string' || !id._serialized) return { ok: false, reason: 'malformed' }
  if (!isIdLike(msg.from)) return { ok: false, reason: 'malformed' }
  if (msg._data?.isNotification === true) return { ok: false, reason: 'notification' }
  const type = typeof msg.type === 'string' ? msg.type : ''
  if (!CUSTOMER_MESSAGE_TYPES.has(type)) return { ok: false, reason: `type:${type || 'missing'}` }
  const body = typeof msg.body === 'string' ? msg.body : ''
  if (!body.trim() && !msg.hasMedia && !CONTENT_WITHOUT_BODY.has(type)) return { ok: false, reason: 'empty' }
  try {
    return { ok: true, message: mapMessage({ ...(msg as WebjsMessageLike), body }) }
  } catch {
    return { ok: false, reason: 'malformed' }
  }
}

/**
 * A library `message_ack` (Client.js:771-781: (message, ack)) as our ack, or null when it is not about
 * a message we sent: acks of incoming messages (`id.fromMe` false: our own read receipts) are ignored,
 * as are payloads without an id.
 */
export function acceptAck(message: unknown, ack: unknown): { id: string; ack: WaAck } | null {
  const id = (message as { id?: { _serialized?: unknown; fromMe?: unknown } | null } | null)?.id
  if (!id || typeof id._serialized !== 'string' || !id._serialized) return null
  if (id.fromMe !== true) return null
  return { id: id._serialized, ack: mapAck(typeof ack === 'number' ? ack : Number.NaN) }
}
