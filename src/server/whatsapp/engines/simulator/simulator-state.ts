/**
 * The simulated "WhatsApp servers": which devices are linked, which numbers are banned, whose network
 * is down, messages waiting for a session. Kept in Redis (under the app's prefix) so it survives a
 * server restart like the real thing does, and so every server process sees the same world.
 * Signals tell running engines that something happened to their session.
 */
import { createHash } from 'node:crypto'
import type { Redis } from 'ioredis'
import { redisSubscriber } from '../../../events/redis-subscriber'
import { logger } from '../../../logger'
import { getRedis, redisKey } from '../../../redis'
import type { WaAck, WaMessageAck, WaRawMessage } from '../../engine/types'

export const simKey = {
  device: (token: string) => redisKey('sim', 'device', token),
  linked: (clientId: string) => redisKey('sim', 'linked', clientId),
  /** A ban is what this organization's simulated WhatsApp knows: another organization's world is separate. */
  banned: (organizationId: string, phoneDigits: string) => redisKey('sim', 'banned', organizationId, phoneDigits),
  /** Which session a default business number was handed to (so two sessions never share one). */
  numberOwner: (phoneDigits: string) => redisKey('sim', 'number-owner', phoneDigits),
  network: (clientId: string) => redisKey('sim', 'net', clientId),
  qr: (clientId: string) => redisKey('sim', 'qr', clientId),
  /** When a QR was emitted (ms), for measuring emit → drawn latency. */
  qrEmittedAt: (qr: string) => redisKey('sim', 'qr-emitted', qr.slice(2, 26)),
  contact: (clientId: string, chatId: string) => redisKey('sim', 'contact', clientId, chatId),
  outbox: (clientId: string) => redisKey('sim', 'outbox', clientId),
  pending: (clientId: string) => redisKey('sim', 'pending', clientId),
  /** Customers' messages WhatsApp has in the business's chats (newest first, capped): what a restored session can read back. */
  received: (clientId: string) => redisKey('sim', 'received', clientId),
  failNext: (clientId: string) => redisKey('sim', 'failnext', clientId),
  history: (clientId: string) => redisKey('sim', 'history', clientId),
  /** Sends whose WhatsApp ack will be −1 (ACK_ERROR) instead of SERVER/DEVICE/READ. */
  failAckNext: (clientId: string) => redisKey('sim', 'failacknext', clientId),
  /** How recipients answer sends, in proportions (SimBehaviour), and the count of sends it has decided. */
  behaviour: (clientId: string) => redisKey('sim', 'behaviour', clientId),
  behaviourDraws: (clientId: string) => redisKey('sim', 'behaviour-draws', clientId),
  /** Each sent message's current ack (id → WaAck), what WhatsApp would answer about it later. */
  acks: (clientId: string) => redisKey('sim', 'acks', clientId),
  /** Logins that link (authenticated) but never become ready. */
  stallLogins: (clientId: string) => redisKey('sim', 'stall', clientId),
  signals: (clientId: string) => redisKey('sim', 'signal', clientId),
  /** Recent messages of private chats (customers' and the phone's own), for delete and edit. */
  recent: (clientId: string) => redisKey('sim', 'recent', clientId),
  /** When the business last read each chat (sendSeen): chatId → Unix ms; /dev/phone shows blue ticks up to it. */
  seen: (clientId: string) => redisKey('sim', 'seen', clientId),
  /** What a download of a customer's media message gives (simulator-media.ts). */
  media: (clientId: string, messageId: string) => redisKey('sim', 'media', clientId, messageId),
  /** A hidden-number customer behind a LID: `{ phone, revealed }`. */
  hiddenCustomer: (clientId: string, lid: string) => redisKey('sim', 'lid', clientId, lid),
  /** The LID WhatsApp knows for a phone (`<digits>` → `<id>@lid`). */
  lidOfPhone: (clientId: string, phoneDigits: string) => redisKey('sim', 'lid-of', clientId, phoneDigits),
}

/** A customer who writes from a LID: their phone, and whether WhatsApp now tells it to the business. */
export interface SimHiddenCustomer {
  phone: string
  revealed: boolean
}

export interface SimDevice {
  clientId: string
  phone: string
  pushName: string
  linkedAt: number
}

export type SimSignal =
  | { type: 'scan'; qr: string; phone: string; pushName: string }
  | { type: 'incoming' }
  | { type: 'logout' }
  | { type: 'ban' }
  | { type: 'network'; up: boolean }
  | { type: 'read'; messageId: string }
  | { type: 'from_me'; message: WaRawMessage }
  | { type: 'revoke'; id: string; chatId: string; fromMe: boolean }
  | { type: 'edit'; id: string; chatId: string; fromMe: boolean; body: string; previousBody: string }
  /** Nobody scans: the QR gives up now, as whatsapp-web.js does after qrMaxRetries. */
  | { type: 'qr-idle' }

/** A file the business sent, as the customer's phone (/dev/phone) shows it. */
export interface SimSentMedia {
  kind: 'image' | 'document'
  mimetype: string
  fileName?: string
  size: number
  /** A photo small enough to keep in the simulated phone's log (SIM_PREVIEW_MAX_BYTES), as a data: URL. */
  preview?: string
}

export interface SimOutboxEntry {
  id: string
  to: string
  /** The text, or a file's caption. */
  body: string
  timestamp: number
  media?: SimSentMedia
}

export function redis(): Redis {
  return getRedis()
}

export async function getDevice(token: string): Promise<SimDevice | null> {
  const raw = await redis().get(simKey.device(token))
  return raw ? (JSON.parse(raw) as SimDevice) : null
}

/** The organization a simulated session belongs to (`org-<id>` or `import-<id>`, see createWhatsAppClientConfig). */
export function organizationOfClient(clientId: string): string {
  return clientId.replace(/^(org|import)-/, '')
}

export async function isBanned(organizationId: string, phone: string): Promise<boolean> {
  return (await redis().exists(simKey.banned(organizationId, phone.replace(/\D/g, '')))) === 1
}

const DEFAULT_NUMBER_SPACE = 1_000_000
const CLAIM_NUMBER_SCRIPT = `
local owner = redis.call('GET', KEYS[1])
if not owner then redis.call('SET', KEYS[1], ARGV[1]) return 1 end
if owner == ARGV[1] then return 1 end
return 0`

/**
 * A stable business number for a simulated session, +996 555 xxx xxx: derived from a hash of the
 * session id, and claimed in Redis so no two sessions (of any organizations) are handed the same one.
 */
export async function defaultBusinessPhone(clientId: string): Promise<string> {
  const start = Number(BigInt(`0x${createHash('sha256').update(clientId).digest('hex').slice(0, 12)}`) % BigInt(DEFAULT_NUMBER_SPACE))
  for (let step = 0; step < DEFAULT_NUMBER_SPACE; step++) {
    const digits = `996555${String((start + step) % DEFAULT_NUMBER_SPACE).padStart(6, '0')}`
    if ((await redis().eval(CLAIM_NUMBER_SCRIPT, 1, simKey.numberOwner(digits), clientId)) === 1) return `+${digits}`
  }
  throw new Error('no simulated business number left')
}

export async function isNetworkDown(clientId: string): Promise<boolean> {
  return (await redis().exists(simKey.network(clientId))) === 1
}

/** Takes the next message waiting for this session (each one is delivered to exactly one engine). */
export async function takePending(clientId: string): Promise<WaRawMessage | null> {
  const raw = await redis().lpop(simKey.pending(clientId))
  return raw ? (JSON.parse(raw) as WaRawMessage) : null
}

const ACK_RANK: Record<WaAck, number> = { PENDING: 0, SERVER: 1, DEVICE: 2, READ: 3, PLAYED: 4, ERROR: 5 }
/** Sets a message's ack only forward (a late DEVICE never undoes READ); the hash lives a day. */
const FORWARD_ACK_SCRIPT = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
local ranks = cjson.decode(ARGV[3])
if current and ranks[current] and ranks[current] >= ranks[ARGV[2]] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], 86400000)
return 1`

/** The simulated WhatsApp's record of a sent message's ack (forward only); true when it moved. */
export async function storeAck(clientId: string, id: string, ack: WaAck): Promise<boolean> {
  return (await redis().eval(FORWARD_ACK_SCRIPT, 1, simKey.acks(clientId), id, ack, JSON.stringify(ACK_RANK))) === 1
}

/** The stored acks of these messages; ids WhatsApp does not know are left out. */
export async function readAcks(clientId: string, ids: string[]): Promise<WaMessageAck[]> {
  if (ids.length === 0) return []
  const values = await redis().hmget(simKey.acks(clientId), ...ids)
  return ids.flatMap((id, i) => {
    const ack = values[i]
    return ack && ack in ACK_RANK ? [{ id, ack: ack as WaAck }] : []
  })
}

export async function sendSignal(clientId: string, signal: SimSignal): Promise<void> {
  await redis().publish(simKey.signals(clientId), JSON.stringify(signal))
}

/** Delivers the signals of one session to a running engine; resolves once subscribed, returns the unsubscribe. */
export function onSimulatorSignal(clientId: string, handler: (signal: SimSignal) => void): Promise<() => void> {
  return redisSubscriber().subscribe(simKey.signals(clientId), (message) => {
    let signal: SimSignal
    try {
      signal = JSON.parse(message) as SimSignal
    } catch (err) {
      logger.warn({ err }, 'malformed simulator signal')
      return
    }
    handler(signal)
  })
}
