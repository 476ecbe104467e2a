/**
 * A WhatsApp Web stand-in with the behaviour whatsapp-web.js shows us: a QR that rotates (~20 s) and
 * expires after a few rotations, scan → authenticated → ready, a stored session that restores without a
 * QR (saved through the same archive store as the real engine), incoming messages including groups,
 * statuses and media, delivery acks, and disconnects for logout, ban and network loss.
 * Driven by simulator-control (the /dev/phone page, tests, demos) through Redis signals.
 */
import { randomBytes } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { logger } from '../../../logger'
import { EngineError } from '../../engine/errors'
import { remoteAuthSessionName } from '../../engine/session-name'
import { identityOfChat } from '../../engine/identity'
import type {
  EngineEvents,
  EngineOptions,
  WaAck,
  WaContact,
  WaDownloadedMedia,
  WaEngine,
  WaIdentity,
  WaMe,
  WaMessageAck,
  WaNumberCheck,
  WaOutgoingMedia,
  WaOutgoingMessage,
  WaRawMessage,
  WaSentMessage,
} from '../../engine/types'
import { defaultSimulatorHistory, type SimChat } from './simulator-history'
import {
  getDevice,
  isBanned,
  isNetworkDown,
  redis,
  onSimulatorSignal,
  readAcks,
  simKey,
  storeAck,
  takePending,
  type SimDevice,
  type SimHiddenCustomer,
  type SimOutboxEntry,
  type SimSignal,
} from './simulator-state'
import { nextSendOutcome } from './simulator-behaviour'
import { downloadSimMedia, simSentMedia, type SimSentMedia } from './simulator-media'

export interface SimulatorTiming {
  /** How long WhatsApp Web takes to show the first QR or restore a session. */
  startupMs: number
  qrRotateMs: number
  /** QR codes shown before giving up (whatsapp-web.js: qrMaxRetries). */
  qrMaxCodes: number
  /** Delays of the SERVER, DEVICE and READ acks after a send. */
  ackDelaysMs: [number, number, number]
}

export const defaultSimulatorTiming: SimulatorTiming = {
  startupMs: 300,
  qrRotateMs: 20_000,
  qrMaxCodes: 5,
  ackDelaysMs: [300, 1200, 4000],
}

/** A QR payload shaped like WhatsApp's: ref, noise key, identity key, adv secret. */
export function makeQrString(): string {
  const b64 = (n: number) => randomBytes(n).toString('base64')
  return `2@${b64(36)},${b64(32)},${b64(32)},${b64(32)}`
}

interface StoredAuth {
  token: string
}

export class SimulatorEngine extends EventEmitter<EngineEvents> implements WaEngine {
  readonly kind = 'simulator' as const
  readonly capabilities = { contacts: true, avatars: true, history: true }
  private me: WaMe | null = null
  private token: string | null = null
  private currentQr: string | null = null
  private qrCount = 0
  private timers = new Set<NodeJS.Timeout>()
  private unsubscribe: (() => void) | null = null
  private destroyed = false
  private ready = false
  private readonly timing: SimulatorTiming
  private readonly sessionName: string

  constructor(
    private readonly options: EngineOptions,
    timing: Partial<SimulatorTiming> = {},
  ) {
    super()
    this.timing = { ...defaultSimulatorTiming, ...timing }
    this.sessionName = remoteAuthSessionName(options.clientId)
  }

  async initialize(): Promise<void> {
    if (this.destroyed) throw new EngineError('UNKNOWN', 'engine already destroyed', { retryable: false })
    await this.sleep(this.timing.startupMs)
    if (await isNetworkDown(this.options.clientId)) {
      throw new EngineError('WHATSAPP_UNREACHABLE', 'simulated network is down (net::ERR_INTERNET_DISCONNECTED)', { retryable: true })
    }
    this.unsubscribe = await onSimulatorSignal(this.options.clientId, (signal) => void this.onSignal(signal))
    const device = await this.restoreDevice()
    if (device) {
      if (await isBanned(this.options.organizationId, device.phone)) {
        this.later(0, () => this.emit('disconnected', 'BANNED', 'this number is banned from WhatsApp'))
        return
      }
      this.later(0, () => {
        this.emit('authenticated')
        void this.readyUnlessStalled(device)
      })
      return
    }
    this.showNextQr()
  }

  private async restoreDevice(): Promise<SimDevice | null> {
    const archive = await this.options.store.load(this.sessionName)
    if (!archive) return null
    try {
      const { token } = JSON.parse(archive.toString('utf8')) as StoredAuth
      const device = await getDevice(token)
      if (!device || device.clientId !== this.options.clientId) return null
      this.token = token
      return device
    } catch {
      return null
    }
  }

  private showNextQr() {
    if (this.destroyed || this.ready) return
    if (this.qrCount >= this.timing.qrMaxCodes) {
      this.currentQr = null
      void redis().del(simKey.qr(this.options.clientId))
      this.emit('disconnected', 'QR_EXPIRED', 'Max qrcode retries reached')
      return
    }
    this.qrCount += 1
    this.currentQr = makeQrString()
    void redis()
      .set(simKey.qr(this.options.clientId), this.currentQr, 'PX', this.timing.qrRotateMs + 5000)
      .catch(() => undefined)
    void redis()
      .set(simKey.qrEmittedAt(this.currentQr), String(Date.now()), 'PX', 600_000)
      .catch(() => undefined)
    this.emit('qr', this.currentQr)
    this.later(this.timing.qrRotateMs, () => this.showNextQr())
  }

  private async onSignal(signal: SimSignal) {
    if (this.destroyed) return
    switch (signal.type) {
      case 'scan': {
        if (this.ready || !this.currentQr || signal.qr !== this.currentQr) return
        const token = randomBytes(24).toString('hex')
        const device: SimDevice = { clientId: this.options.clientId, phone: signal.phone, pushName: signal.pushName, linkedAt: Date.now() }
        await redis().set(simKey.device(token), JSON.stringify(device))
        const previous = await redis().getset(simKey.linked(this.options.clientId), token)
        if (previous && previous !== token) await redis().del(simKey.device(previous))
        await redis().del(simKey.qr(this.options.clientId))
        this.token = token
        this.currentQr = null
        this.emit('authenticated')
        await this.syncSession()
        await this.readyUnlessStalled(device)
        return
      }
      case 'qr-idle':
        if (this.ready || !this.currentQr) return
        this.qrCount = this.timing.qrMaxCodes
        this.showNextQr()
        return
      case 'incoming':
        if (this.ready) await this.drainPending()
        return
      case 'logout':
        if (!this.ready) return
        this.ready = false
        this.emit('disconnected', 'LOGOUT', 'the phone unlinked this device')
        return
      case 'ban':
        if (!this.ready && !this.currentQr) return
        this.ready = false
        this.emit('disconnected', 'BANNED', 'TOS_BLOCK')
        return
      case 'network':
        if (!signal.up && (this.ready || this.currentQr)) {
          this.ready = false
          this.emit('disconnected', 'NETWORK', 'connection lost')
        }
        return
      // The customer read one of our messages (/dev/phone, tests): the state is already stored.
      case 'read':
        if (this.ready) this.emit('message_ack', { id: signal.messageId, ack: 'READ' })
        return
      // The phone's own side: replies typed there, deletes and edits (like message_create, message_revoke_everyone, message_edit).
      case 'from_me':
        if (this.ready) this.emit('message_from_me', signal.message)
        return
      case 'revoke':
        if (this.ready) this.emit('message_revoked', { id: signal.id, chatId: signal.chatId, fromMe: signal.fromMe, timestamp: Math.floor(Date.now() / 1000) })
        return
      case 'edit':
        if (this.ready) {
          this.emit('message_edited', {
            id: signal.id,
            chatId: signal.chatId,
            fromMe: signal.fromMe,
            body: signal.body,
            previousBody: signal.previousBody,
            timestamp: Math.floor(Date.now() / 1000),
          })
        }
        return
    }
  }

  /** Ready, unless this login is one that stalls (simulator-control.stallNextLogins): then nothing follows. */
  private async readyUnlessStalled(device: SimDevice) {
    const stalls = await redis()
      .decr(simKey.stallLogins(this.options.clientId))
      .catch(() => -1)
    if (stalls >= 0) return
    await redis()
      .del(simKey.stallLogins(this.options.clientId))
      .catch(() => undefined)
    await this.goReady(device)
  }

  private async goReady(device: SimDevice) {
    if (this.destroyed) return
    const digits = device.phone.replace(/\D/g, '')
    this.me = { wid: `${digits}@c.us`, phone: `+${digits}`, pushName: device.pushName }
    this.ready = true
    this.emit('ready', this.me)
    await this.drainPending()
  }

  private async drainPending() {
    for (;;) {
      if (!this.ready || this.destroyed) return
      const message = await takePending(this.options.clientId)
      if (!message) return
      if (!this.ready || this.destroyed) {
        // Closed while we were fetching it: put it back for the next session, as WhatsApp would redeliver.
        await redis().lpush(simKey.pending(this.options.clientId), JSON.stringify(message))
        return
      }
      // A system notice (simulator-control.sendNotice) stops at the boundary, as in the real engine.
      const notice = (message as { libraryType?: unknown }).libraryType
      if (notice) {
        logger.debug({ reason: `type:${typeof notice === 'string' ? notice : 'unknown'}` }, 'simulated notice dropped')
        continue
      }
      this.emit('message', message)
    }
  }

  async sendText(chatId: string, text: string): Promise<WaSentMessage> {
    return this.deliver(chatId, text)
  }

  /** A photo or document: the customer's phone (/dev/phone) gets its kind, name and size, and a small photo itself. */
  async sendMedia(chatId: string, media: WaOutgoingMedia, options: { caption?: string }): Promise<WaSentMessage> {
    return this.deliver(chatId, options.caption ?? '', simSentMedia(media))
  }

  private async deliver(chatId: string, text: string, media?: SimSentMedia): Promise<WaSentMessage> {
    if (!this.ready || !this.me) throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected', { retryable: true })
    const clientId = this.options.clientId
    if (await isBanned(this.options.organizationId, this.me.phone)) throw new EngineError('BANNED', 'this number is banned from WhatsApp', { retryable: false })
    if (await isNetworkDown(clientId)) throw new EngineError('SEND_FAILED', 'simulated network is down', { retryable: true })
    const failures = await redis().decr(simKey.failNext(clientId))
    if (failures >= 0) throw new EngineError('SEND_FAILED', 'simulated send failure', { retryable: true })
    await redis().del(simKey.failNext(clientId))
    if (!/^\d{6,15}@c\.us$|^\d+@lid$/.test(chatId) || playsNotOnWhatsApp(chatId)) {
      throw new EngineError('INVALID_RECIPIENT', `${chatId} is not on WhatsApp`, { retryable: false })
    }
    // How this recipient answers, drawn from the proportions set for the governor's tests (simulator-behaviour.ts).
    const outcome = await nextSendOutcome(clientId)
    if (outcome === 'notOnWhatsApp') throw new EngineError('INVALID_RECIPIENT', `${chatId} is not on WhatsApp`, { retryable: false })
    const id = `true_${chatId}_3EB0${randomBytes(8).toString('hex').toUpperCase()}`
    const timestamp = Math.floor(Date.now() / 1000)
    const entry: SimOutboxEntry = { id, to: chatId, body: text, timestamp, ...(media ? { media } : {}) }
    await redis().multi().lpush(simKey.outbox(clientId), JSON.stringify(entry)).ltrim(simKey.outbox(clientId), 0, 199).exec()
    // Like whatsapp-web.js, our own send is announced as a new message (message_create, fromMe) before
    // sendText returns: the client must recognize it as ours and not store it as a phone reply.
    this.emit('message_from_me', {
      id,
      from: this.me.wid,
      to: chatId,
      body: text,
      timestamp,
      fromMe: true,
      isStatus: false,
      isGroup: false,
      hasMedia: Boolean(media),
      type: media?.kind ?? 'text',
    })
    const ackFailures = await redis().decr(simKey.failAckNext(clientId))
    if (ackFailures < 0) await redis().del(simKey.failAckNext(clientId))
    // Undelivered and blocked: one tick forever (WhatsApp never says a recipient blocked us).
    const acks: WaAck[] =
      ackFailures >= 0 || outcome === 'failAck' ? ['ERROR'] : outcome === 'undelivered' || outcome === 'blocked' ? ['SERVER'] : ['SERVER', 'DEVICE', 'READ']
    // WhatsApp has it now (sendText returns without an ack): what getMessageAcks answers until the next ack.
    await storeAck(clientId, id, 'SERVER')
    acks.forEach((ack, i) =>
      this.later(this.timing.ackDelaysMs[i]!, () => {
        if (!this.ready) return
        void storeAck(clientId, id, ack).catch((err: Error) => logger.warn({ err: err.message }, 'simulator ack not stored'))
        this.emit('message_ack', { id, ack })
      }),
    )
    return { id, timestamp }
  }

  /** What the simulated WhatsApp knows of our sent messages' acks (kept in Redis, so any process can ask). */
  async getMessageAcks(ids: string[]): Promise<WaMessageAck[]> {
    if (!this.ready) throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected', { retryable: true })
    return readAcks(this.options.clientId, ids)
  }

  /** Our sends to a chat since `since`, from the simulated WhatsApp's log in Redis (what any process of the organization can ask). */
  async findRecentOutgoing(chatId: string, options: { since: number }): Promise<WaOutgoingMessage[]> {
    if (!this.ready) throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected', { retryable: true })
    const clientId = this.options.clientId
    const entries = (await redis().lrange(simKey.outbox(clientId), 0, -1))
      .map((raw) => JSON.parse(raw) as SimOutboxEntry)
      .filter((entry) => entry.to === chatId && entry.timestamp >= options.since)
      .reverse()
    const acks = new Map(
      (
        await readAcks(
          clientId,
          entries.map((entry) => entry.id),
        )
      ).map((a) => [a.id, a.ack]),
    )
    return entries.map((entry) => ({ id: entry.id, body: entry.body, timestamp: entry.timestamp, ack: acks.get(entry.id) }))
  }

  /** Customers' messages WhatsApp kept in the business's chats (simulator-control's received log), oldest first. */
  async findRecentIncoming(options: { since: number; limit: number }): Promise<WaRawMessage[]> {
    if (!this.ready) throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected', { retryable: true })
    const newestFirst = (await redis().lrange(simKey.received(this.options.clientId), 0, -1)).map((raw) => JSON.parse(raw) as WaRawMessage)
    return newestFirst
      .filter((message) => message.timestamp >= options.since)
      .slice(0, options.limit)
      .reverse()
  }

  /** A customer's file, from the simulated WhatsApp's media (simulator-media.ts). */
  async downloadMedia(messageId: string): Promise<WaDownloadedMedia | null> {
    if (!this.ready) throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected', { retryable: true })
    return downloadSimMedia(this.options.clientId, messageId)
  }

  /**
   * Whether a number is on WhatsApp, by the same rule sends follow (playsNotOnWhatsApp: numbers ending in
   * 0000 are not). Refused like a send when banned; a network drop makes it fail (retryable).
   */
  async checkNumber(phoneDigits: string): Promise<WaNumberCheck> {
    if (!this.ready || !this.me) throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected', { retryable: true })
    if (await isBanned(this.options.organizationId, this.me.phone)) throw new EngineError('BANNED', 'this number is banned from WhatsApp', { retryable: false })
    if (await isNetworkDown(this.options.clientId)) throw new EngineError('SEND_FAILED', 'simulated network is down', { retryable: true })
    const chatId = `${phoneDigits}@c.us`
    if (!/^\d{6,15}$/.test(phoneDigits) || playsNotOnWhatsApp(chatId)) return { onWhatsApp: false }
    return { onWhatsApp: true, chatId }
  }

  /** Marks a chat read, as WhatsApp would for the customer (blue ticks on /dev/phone): recorded in Redis with the time. */
  async sendSeen(chatId: string): Promise<boolean> {
    if (!this.ready) throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected', { retryable: true })
    if (!/^\d{6,15}@c\.us$|^\d+@lid$/.test(chatId)) return false
    await redis().hset(simKey.seen(this.options.clientId), chatId, String(Date.now()))
    return true
  }

  async getContact(chatId: string): Promise<WaContact | null> {
    if (!this.ready) return null
    const raw = await redis().get(simKey.contact(this.options.clientId, chatId))
    if (raw) return { id: chatId, ...(JSON.parse(raw) as Omit<WaContact, 'id'>) }
    // The address book behind the chat list: saved names as the history shows them.
    const saved = (await this.history()).find((c) => c.id === chatId)?.name
    return saved ? { id: chatId, name: saved } : { id: chatId }
  }

  /**
   * Like whatsapp-web.js's getContactLidAndPhone: a LID chat tells its phone only once the customer's
   * number is revealed (/dev/phone); a phone chat tells its LID when the customer has one.
   */
  async resolveIdentity(chatId: string): Promise<WaIdentity> {
    if (!this.ready) throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected', { retryable: true })
    const own = identityOfChat(chatId)
    if (own.lid) {
      const raw = await redis().get(simKey.hiddenCustomer(this.options.clientId, own.lid))
      const hidden = raw ? (JSON.parse(raw) as SimHiddenCustomer) : null
      return { lid: own.lid, phone: hidden?.revealed ? hidden.phone : null }
    }
    if (own.phone) {
      const lid = await redis().get(simKey.lidOfPhone(this.options.clientId, own.phone.slice(1)))
      return { lid: lid ?? null, phone: own.phone }
    }
    return own
  }

  getMe(): WaMe | null {
    return this.me
  }

  async syncSession(): Promise<void> {
    if (!this.token) return
    await this.options.store.save(this.sessionName, Buffer.from(JSON.stringify({ token: this.token } satisfies StoredAuth)))
  }

  async logout(): Promise<void> {
    if (this.token) {
      await redis().del(simKey.device(this.token))
      await redis().del(simKey.linked(this.options.clientId))
    }
    this.token = null
    this.ready = false
    await this.options.store.remove(this.sessionName)
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return
    this.destroyed = true
    this.ready = false
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    this.unsubscribe?.()
    this.unsubscribe = null
    if (this.currentQr)
      await redis()
        .del(simKey.qr(this.options.clientId))
        .catch(() => undefined)
  }

  private async history(): Promise<SimChat[]> {
    const raw = await redis().get(simKey.history(this.options.clientId))
    return raw ? (JSON.parse(raw) as SimChat[]) : defaultSimulatorHistory()
  }

  async getChats() {
    if (!this.ready) throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected', { retryable: true })
    return (await this.history()).map((c) => ({
      id: c.id,
      ...(c.name ? { name: c.name } : {}),
      isGroup: c.isGroup,
      unreadCount: 0,
      ...(c.messages.length ? { lastMessageAt: c.messages[c.messages.length - 1]!.timestamp } : {}),
    }))
  }

  async fetchMessages(chatId: string, limit: number): Promise<WaRawMessage[]> {
    if (!this.ready) throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected', { retryable: true })
    return ((await this.history()).find((c) => c.id === chatId)?.messages ?? []).slice(-limit)
  }

  private later(ms: number, fn: () => void) {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      if (!this.destroyed) fn()
    }, ms)
    timer.unref?.()
    this.timers.add(timer)
  }

  private sleep(ms: number) {
    return ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.()) : Promise.resolve()
  }
}

/**
 * The simulator's documented rule for numbers without WhatsApp: a phone chat whose number ends in 0000
 * (`+996 555 12 0000`). Sends to it are refused (INVALID_RECIPIENT) and checkNumber answers not on WhatsApp.
 */
export function playsNotOnWhatsApp(chatId: string): boolean {
  return /0000@c\.us$/.test(chatId)
}
