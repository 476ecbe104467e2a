/**
 * The phone's side of the simulator: what QA does on /dev/phone, what tests and demos drive. Each
 * action changes the simulated WhatsApp state in Redis and signals the running engine, wherever it runs.
 * Exists only when WHATSAPP_ENGINE=simulator (the tRPC router refuses otherwise).
 */
import { createHash, randomBytes } from 'node:crypto'
import type { ChainableCommander } from 'ioredis'
import { AppError } from '../../../errors'
import type { WaContactCard, WaLocation, WaMessageType, WaRawMessage } from '../../engine/types'
import { formatPhoneNumber } from '../../phone'
import type { SimChat } from './simulator-history'
import { announceSimMedia, isSimMediaType, rememberSimMedia, type SimMediaFailure } from './simulator-media'
import {
  defaultBusinessPhone,
  organizationOfClient,
  redis,
  sendSignal,
  simKey,
  storeAck,
  type SimHiddenCustomer,
  type SimOutboxEntry,
  type SimSignal,
} from './simulator-state'

export interface CustomerMessageInput {
  /** The customer's number (any layout) or WhatsApp id. */
  from: string
  /** The customer's own display name (push name). */
  name?: string
  body: string
  type?: WaMessageType
  /** Posted in a group instead of a private chat (the CRM must ignore it). */
  group?: boolean
  /** Posted as a status update (the CRM must ignore it). */
  status?: boolean
  /** The customer's privacy hides their number: the message comes from their LID chat (`<id>@lid`). */
  hidden?: boolean
  /** Media types: how the download goes (default: it works; the file is a real small fixture). */
  mediaFailure?: SimMediaFailure
  /** type 'location': the place (default: Ala-Too Square, Bishkek). */
  location?: WaLocation
  /** type 'contact': the cards (default: one card). */
  contacts?: WaContactCard[]
}

const DEFAULT_LOCATION: WaLocation = { latitude: 42.876_45, longitude: 74.603_7, name: 'Ала-Тоо', address: 'Бишкек' }
const DEFAULT_CONTACTS: WaContactCard[] = [{ name: 'Айгуль Маратовна', phones: ['+996555123456'] }]

export interface PhoneState {
  linked: boolean
  phone: string | null
  pushName: string | null
  qrAvailable: boolean
  banned: boolean
  networkDown: boolean
  pendingMessages: number
  outbox: SimOutboxEntry[]
  /** Recent messages of private chats, newest first: what the phone can delete or edit. */
  recent: SimRecentMessage[]
}

/** A message of a private chat as the simulated phone remembers it. */
export interface SimRecentMessage {
  id: string
  /** The customer's chat. */
  chatId: string
  fromMe: boolean
  body: string
  timestamp: number
  deleted?: boolean
  /** When the phone got it (Unix ms): WhatsApp's whole-second timestamp cannot order it against a read receipt. */
  at?: number
  /** A customer's message the business has read (sendSeen on its chat since): blue ticks. */
  seen?: boolean
}

const RECENT_LIMIT = 30
const RECEIVED_LIMIT = 1000

/** The business number and name the simulated phone is linked as; null when it is not linked. */
async function linkedDevice(clientId: string): Promise<{ phone: string; pushName: string } | null> {
  const token = await redis().get(simKey.linked(clientId))
  const device = token ? await redis().get(simKey.device(token)) : null
  return device ? (JSON.parse(device) as { phone: string; pushName: string }) : null
}

export async function getPhoneState(clientId: string): Promise<PhoneState> {
  const r = redis()
  const parsed = await linkedDevice(clientId)
  const phone = parsed?.phone ?? (await defaultBusinessPhone(clientId))
  const [qr, banned, down, pending, outbox, recent] = await Promise.all([
    r.get(simKey.qr(clientId)),
    r.exists(simKey.banned(organizationOfClient(clientId), phone.replace(/\D/g, ''))),
    r.exists(simKey.network(clientId)),
    r.llen(simKey.pending(clientId)),
    r.lrange(simKey.outbox(clientId), 0, 49),
    recentMessages(clientId),
  ])
  return {
    linked: Boolean(parsed),
    phone: parsed?.phone ?? null,
    pushName: parsed?.pushName ?? null,
    qrAvailable: Boolean(qr),
    banned: banned === 1,
    networkDown: down === 1,
    pendingMessages: pending,
    outbox: outbox.map((e) => JSON.parse(e) as SimOutboxEntry),
    recent,
  }
}

/**
 * The phone scans the QR the web page shows now. Pass the QR text read from the page to scan exactly
 * that code (a stale one is refused like a real phone would).
 */
export async function scanQr(clientId: string, options: { qr?: string; phone?: string; pushName?: string } = {}): Promise<void> {
  const current = await redis().get(simKey.qr(clientId))
  if (!current) throw new AppError('PRECONDITION_FAILED', 'simulatorNoQr')
  if (options.qr && options.qr !== current) throw new AppError('BAD_REQUEST', 'simulatorQrStale')
  const phone = options.phone ? `+${formatPhoneNumber(options.phone).split('@')[0]}` : await defaultBusinessPhone(clientId)
  await sendSignal(clientId, { type: 'scan', qr: current, phone, pushName: options.pushName ?? 'Soul Demo Shop' })
}

/** A customer writes to the business number. Delivered when the session is up, like WhatsApp does. */
export async function sendAsCustomer(clientId: string, input: CustomerMessageInput): Promise<WaRawMessage> {
  const phoneChat = formatPhoneNumber(input.from)
  const from = input.hidden && phoneChat.endsWith('@c.us') ? await hideNumber(clientId, phoneChat) : phoneChat
  // Only the linked number is needed here, not the whole phone state (its outbox and recent chats).
  const businessPhone = (await linkedDevice(clientId))?.phone ?? (await defaultBusinessPhone(clientId))
  const type = input.type ?? 'text'
  const chatFrom = input.status ? 'status@broadcast' : input.group ? `120363${from.slice(0, 12)}@g.us` : from
  const message: WaRawMessage = {
    id: `false_${chatFrom}_3EB0${randomBytes(8).toString('hex').toUpperCase()}`,
    from: chatFrom,
    to: `${businessPhone.slice(1)}@c.us`,
    body: input.body,
    timestamp: Math.floor(Date.now() / 1000),
    fromMe: false,
    isStatus: Boolean(input.status),
    isGroup: Boolean(input.group),
    hasMedia: isSimMediaType(type),
    type,
    ...(input.name ? { notifyName: input.name } : {}),
    ...(isSimMediaType(type) ? { media: await announceSimMedia(type, input.mediaFailure) } : {}),
    ...(type === 'location' ? { location: input.location ?? DEFAULT_LOCATION } : {}),
    ...(type === 'contact' ? { contacts: input.contacts ?? DEFAULT_CONTACTS } : {}),
  }
  if (message.hasMedia) await rememberSimMedia(clientId, message.id, { type, ...(input.mediaFailure ? { failure: input.mediaFailure } : {}) })
  // WhatsApp's side of one message in one round trip: the contact, the delivery, the chat's copies, the signal.
  const tx = redis().multi()
  if (input.name) tx.set(simKey.contact(clientId, from), JSON.stringify({ pushName: input.name, avatarUrl: avatarFor(input.name) }))
  tx.rpush(simKey.pending(clientId), JSON.stringify(message))
  addReceived(tx, clientId, message)
  if (!input.group && !input.status)
    addRecent(tx, clientId, { id: message.id, chatId: from, fromMe: false, body: message.body, timestamp: message.timestamp, at: Date.now() })
  tx.publish(simKey.signals(clientId), JSON.stringify({ type: 'incoming' } satisfies SimSignal))
  await tx.exec()
  return message
}

/**
 * A customer's LID: stable per number (a hash of it), 15 digits like WhatsApp's, e.g. `1402…@lid`.
 * Not secret and not reversible in practice, as on WhatsApp.
 */
export function lidForPhone(phoneChatId: string): string {
  const digits = phoneChatId.replace(/@.*$/, '').replace(/\D/g, '')
  const hash = BigInt(`0x${createHash('sha256').update(`lid:${digits}`).digest('hex').slice(0, 15)}`)
  return `1${(hash % 10n ** 14n).toString().padStart(14, '0')}@lid`
}

/** The customer hides their number from now on: WhatsApp shows the business only their LID. */
async function hideNumber(clientId: string, phoneChatId: string): Promise<string> {
  const lid = lidForPhone(phoneChatId)
  const digits = phoneChatId.split('@')[0]!
  const key = simKey.hiddenCustomer(clientId, lid)
  const existing = await redis().get(key)
  const revealed = existing ? (JSON.parse(existing) as SimHiddenCustomer).revealed : false
  await redis().set(key, JSON.stringify({ phone: `+${digits}`, revealed } satisfies SimHiddenCustomer))
  await redis().set(simKey.lidOfPhone(clientId, digits), lid)
  return lid
}

/**
 * WhatsApp now tells the business the number behind a hidden customer's LID (the simulator's
 * resolveIdentity answers with the phone from here on). Returns the LID; throws when this number never
 * wrote hidden.
 */
export async function revealNumber(clientId: string, phone: string): Promise<string> {
  const lid = lidForPhone(formatPhoneNumber(phone))
  const key = simKey.hiddenCustomer(clientId, lid)
  const existing = await redis().get(key)
  if (!existing) throw new AppError('NOT_FOUND', 'simulatorNotHidden')
  await redis().set(key, JSON.stringify({ ...(JSON.parse(existing) as SimHiddenCustomer), revealed: true } satisfies SimHiddenCustomer))
  return lid
}

async function recentMessages(clientId: string): Promise<SimRecentMessage[]> {
  const [raw, seen] = await Promise.all([redis().lrange(simKey.recent(clientId), 0, RECENT_LIMIT - 1), redis().hgetall(simKey.seen(clientId))])
  return raw.map((entry) => {
    const message = JSON.parse(entry) as SimRecentMessage
    const seenAt = Number(seen[message.chatId] ?? 0)
    return message.fromMe ? message : { ...message, seen: seenAt >= (message.at ?? message.timestamp * 1000) }
  })
}

/**
 * WhatsApp keeps a customer's message in the chat once it reached the business's device: a session that
 * starts later can read it back (engine.findRecentIncoming), even if the process it was delivered to died
 * before storing it. The newest RECEIVED_LIMIT, for a day.
 */
function addReceived(tx: ChainableCommander, clientId: string, message: WaRawMessage): void {
  tx.lpush(simKey.received(clientId), JSON.stringify(message))
    .ltrim(simKey.received(clientId), 0, RECEIVED_LIMIT - 1)
    .pexpire(simKey.received(clientId), 24 * 60 * 60 * 1000)
}

function addRecent(tx: ChainableCommander, clientId: string, message: SimRecentMessage): void {
  tx.lpush(simKey.recent(clientId), JSON.stringify(message)).ltrim(simKey.recent(clientId), 0, RECENT_LIMIT - 1)
}

async function remember(clientId: string, message: SimRecentMessage): Promise<void> {
  const tx = redis().multi()
  addRecent(tx, clientId, message)
  await tx.exec()
}

async function replaceRecent(clientId: string, id: string, patch: Partial<SimRecentMessage>): Promise<SimRecentMessage> {
  const all = await recentMessages(clientId)
  const index = all.findIndex((m) => m.id === id)
  if (index < 0) throw new AppError('NOT_FOUND', 'simulatorMessageNotFound')
  const updated = { ...all[index]!, ...patch }
  await redis().lset(simKey.recent(clientId), index, JSON.stringify(updated))
  return all[index]!
}

/** Staff type a reply on the business phone itself (whatsapp-web.js: message_create with fromMe). */
export async function replyFromPhone(clientId: string, input: { to: string; body: string; type?: WaMessageType }): Promise<WaRawMessage> {
  const type = input.type && isSimMediaType(input.type) ? input.type : 'text'
  const to = formatPhoneNumber(input.to)
  const state = await getPhoneState(clientId)
  const ownPhone = (state.phone ?? (await defaultBusinessPhone(clientId))).slice(1)
  const message: WaRawMessage = {
    // Replies typed on an Android phone carry long key ids (Message.js:80-86 calls them 'android').
    id: `true_${to}_${randomBytes(16).toString('hex').toUpperCase()}`,
    from: `${ownPhone}@c.us`,
    to,
    body: input.body,
    timestamp: Math.floor(Date.now() / 1000),
    fromMe: true,
    isStatus: false,
    isGroup: false,
    // A photo or document sent from the phone: its file is downloaded like a customer's.
    hasMedia: type !== 'text',
    type,
    ...(type !== 'text' ? { media: await announceSimMedia(type) } : {}),
  }
  if (message.hasMedia) await rememberSimMedia(clientId, message.id, { type })
  await remember(clientId, { id: message.id, chatId: to, fromMe: true, body: message.body, timestamp: message.timestamp })
  await sendSignal(clientId, { type: 'from_me', message })
  return message
}

/** "Delete for everyone" on a recent message (a customer's, or one typed on the phone). */
export async function deleteForEveryone(clientId: string, messageId: string): Promise<void> {
  const previous = await replaceRecent(clientId, messageId, { deleted: true })
  await sendSignal(clientId, { type: 'revoke', id: previous.id, chatId: previous.chatId, fromMe: previous.fromMe })
}

/** Edits the text of a recent message. */
export async function editMessage(clientId: string, messageId: string, body: string): Promise<void> {
  const known = (await recentMessages(clientId)).find((m) => m.id === messageId)
  if (known?.deleted) throw new AppError('PRECONDITION_FAILED', 'simulatorMessageDeleted')
  const previous = await replaceRecent(clientId, messageId, { body })
  await sendSignal(clientId, { type: 'edit', id: previous.id, chatId: previous.chatId, fromMe: previous.fromMe, body, previousBody: previous.body })
}

/**
 * The customer read one of our sent messages: WhatsApp records it (getMessageAcks answers READ from now
 * on, even to a process that starts later) and a running engine gets the read receipt.
 */
export async function markRead(clientId: string, messageId: string): Promise<void> {
  await storeAck(clientId, messageId, 'READ')
  await sendSignal(clientId, { type: 'read', messageId })
}

/** Delivers the same WhatsApp message again (WhatsApp does re-deliver after reconnects). */
export async function redeliver(clientId: string, message: WaRawMessage): Promise<void> {
  await redis().rpush(simKey.pending(clientId), JSON.stringify(message))
  await sendSignal(clientId, { type: 'incoming' })
}

/** Settings → Linked devices → Log out, on the phone. */
export async function logoutFromPhone(clientId: string): Promise<void> {
  const r = redis()
  const token = await r.get(simKey.linked(clientId))
  if (token) await r.del(simKey.device(token))
  await r.del(simKey.linked(clientId))
  await sendSignal(clientId, { type: 'logout' })
}

/** WhatsApp bans the business number (in this organization's simulated world only). */
export async function banNumber(clientId: string, banned = true): Promise<void> {
  const state = await getPhoneState(clientId)
  const phone = (state.phone ?? (await defaultBusinessPhone(clientId))).replace(/\D/g, '')
  const organizationId = organizationOfClient(clientId)
  if (banned) {
    await redis().set(simKey.banned(organizationId, phone), '1')
    await sendSignal(clientId, { type: 'ban' })
  } else {
    await redis().del(simKey.banned(organizationId, phone))
  }
}

/** The network between the server and WhatsApp drops or comes back. */
export async function setNetwork(clientId: string, up: boolean): Promise<void> {
  if (up) await redis().del(simKey.network(clientId))
  else await redis().set(simKey.network(clientId), 'down')
  await sendSignal(clientId, { type: 'network', up })
}

/** The next `count` sends fail (to exercise retries). */
export async function failNextSends(clientId: string, count: number): Promise<void> {
  await redis().set(simKey.failNext(clientId), String(count))
}

/**
 * System notices WhatsApp Web emits as messages (whatsapp-web.js MessageTypes, util/Constants.js:97-123):
 * the simulator drops them at its boundary like the real engine does, so they never reach the CRM.
 */
export const SIM_NOTICE_KINDS = ['e2e_notification', 'notification_template', 'call_log', 'protocol', 'gp2'] as const
export type SimNoticeKind = (typeof SIM_NOTICE_KINDS)[number]

/** A system notice in a customer's chat (security code changed, missed call, …): must be ignored. */
export async function sendNotice(clientId: string, input: { from: string; kind: SimNoticeKind }): Promise<void> {
  const from = formatPhoneNumber(input.from)
  const notice = {
    id: `false_${from}_3EB0${randomBytes(8).toString('hex').toUpperCase()}`,
    from,
    libraryType: input.kind,
    timestamp: Math.floor(Date.now() / 1000),
  }
  await redis().rpush(simKey.pending(clientId), JSON.stringify(notice))
  await sendSignal(clientId, { type: 'incoming' })
}

/** The next `count` sends are acked −1 by WhatsApp (the message fails after being taken). */
export async function failNextAcks(clientId: string, count: number): Promise<void> {
  await redis().set(simKey.failAckNext(clientId), String(count))
}

/** The next `count` logins link the phone but WhatsApp Web never becomes ready (a stalled login). */
export async function stallNextLogins(clientId: string, count: number): Promise<void> {
  if (count > 0) await redis().set(simKey.stallLogins(clientId), String(count))
  else await redis().del(simKey.stallLogins(clientId))
}

/** Nobody scans the QR: WhatsApp Web gives up now instead of after its rotations (QR_EXPIRED). */
export async function expireQr(clientId: string): Promise<void> {
  await sendSignal(clientId, { type: 'qr-idle' })
}

/** Chat history WhatsApp Web will show for history import. */
export async function setHistory(clientId: string, chats: SimChat[]): Promise<void> {
  await redis().set(simKey.history(clientId), JSON.stringify(chats))
}

function avatarFor(name: string): string {
  const initials = name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase()
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#25D366"/><text x="32" y="40" font-size="24" text-anchor="middle" fill="#fff" font-family="sans-serif">${initials.replace(/[<>&"]/g, '')}</text></svg>`
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}
