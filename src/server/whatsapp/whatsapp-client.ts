/**
 * The long-running WhatsApp client of one organization, over any engine. It filters and normalizes
 * messages, reconnects with exponential backoff (min(1000·2^n, 30000) ms, at most 5 attempts), resets
 * the attempt counter only after the connection has stayed up for a while (so a flapping connection
 * cannot reset it), and syncs the stored session before reconnecting and before destroying.
 */
import { EventEmitter } from 'node:events'
import type { Logger } from '../logger'
import { metrics } from '../observability/metrics'
import { DISCONNECT_REASONS, isTerminalDisconnect } from './disconnect-reasons'
import { EngineError, isEngineError } from './engine/errors'
import type {
  WaAck,
  WaContact,
  WaDisconnectReason,
  WaDownloadedMedia,
  WaEdit,
  WaEngine,
  WaIdentity,
  WaIncomingMessage,
  WaMe,
  WaMessageAck,
  WaNumberCheck,
  WaRawMessage,
  WaRevoke,
  WaOutgoingMessage,
  WaOutgoingMedia,
  WaSentMessage,
} from './engine/types'
import { mediaPlaceholder as placeholderText } from '../text/media-placeholder'

export const MAX_RECONNECT_ATTEMPTS = 5
export const RECONNECT_BASE_MS = 1000
export const RECONNECT_CAP_MS = 30000
/** How long a connection must stay up before the reconnect counter resets. */
export const STABLE_CONNECTION_MS = 60000
/** How long the ids of our own sends are remembered, to recognize their `message_from_me` echo. */
export const OWN_SEND_MEMORY_MS = 5 * 60_000
/** How long an own-message event waits for sends in flight to return their ids before it is let through. */
export const OWN_SEND_WAIT_MS = 30_000
/**
 * How long `ready` may take after `authenticated` (WHATSAPP_LOGIN_STALL_MS). whatsapp-web.js resolves
 * `initialize()` before authentication and its own 'ready timeout' is thrown inside a page callback
 * (Client.js:342), so it never reaches us: without this watchdog a stalled login hangs for ever.
 */
export const LOGIN_STALL_MS = 180_000
/** Stalled logins in a row after which the client stops (likely an incompatible WhatsApp Web build). */
export const MAX_LOGIN_STALLS = 2

/** Delay before reconnect attempt n (1-based): 2 s, 4 s, 8 s, 16 s, 30 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(RECONNECT_BASE_MS * 2 ** attempt, RECONNECT_CAP_MS)
}

export interface ClientEvents {
  qr: [qr: string]
  authenticated: []
  ready: [me: WaMe]
  auth_failure: [message: string]
  message: [message: WaIncomingMessage]
  message_ack: [ack: { id: string; ack: WaAck }]
  /** A reply typed on the business phone (never one of our own sends); `to` is the customer's chat. */
  message_from_me: [message: WaIncomingMessage]
  message_revoked: [revoke: WaRevoke]
  message_edited: [edit: WaEdit]
  disconnected: [reason: WaDisconnectReason, detail?: string]
  reconnecting: [info: { attempt: number; max: number; delayMs: number }]
  /** Gave up; `lastCode` is the error code of the last failed attempt (its cause), when known. */
  max_reconnect_reached: [lastError: string | null, lastCode: string | null]
  /** Could not start at all and retrying will not help (e.g. no browser). */
  fatal: [error: EngineError]
}

export type ClientState = 'idle' | 'starting' | 'waiting_for_scan' | 'connected' | 'reconnecting' | 'stopped' | 'failed'

export interface WhatsAppClientOptions {
  organizationId: string
  createEngine: () => WaEngine
  log: Logger
  maxReconnectAttempts?: number
  stableConnectionMs?: number
  loginStallMs?: number
  maxLoginStalls?: number
}

/** Types whose content is not text even without a downloadable file: their data travels beside the text. */
const DATA_TYPES: ReadonlySet<string> = new Set(['location', 'contact'])

/**
 * Media, locations and contact cards keep a placeholder as their text, which search, the inbox preview
 * and the imports read: `[Media: image]`, plus the caption if any. The file and the data travel beside it.
 */
export function mediaPlaceholder(message: Pick<WaRawMessage, 'hasMedia' | 'type' | 'body'>): string {
  if (!message.hasMedia && !DATA_TYPES.has(message.type)) return message.body
  const caption = message.body.trim()
  return placeholderText(message.type, caption)
}

/** Whether a message is a customer writing to us (not ourselves, not a status, not a group). */
export function isCustomerMessage(message: WaRawMessage): boolean {
  if (message.fromMe || message.isStatus || message.isGroup) return false
  if (message.from === 'status@broadcast' || message.from.endsWith('@g.us') || message.from.endsWith('@broadcast')) return false
  return true
}

/** Whether one of our own messages went to a customer's private chat (not a group, status or broadcast). */
export function isPrivateChatFromMe(message: WaRawMessage): boolean {
  if (!message.fromMe || message.isStatus || message.isGroup) return false
  return /@(c\.us|lid)$/.test(message.to)
}

/** Whether a revoke or edit happened in a private chat (the only chats the CRM stores). */
function isPrivateChat(chatId: string): boolean {
  return /@(c\.us|lid)$/.test(chatId)
}

export function normalizeMessage(message: WaRawMessage): WaIncomingMessage {
  return {
    id: message.id,
    from: message.from,
    to: message.to,
    body: mediaPlaceholder(message),
    timestamp: message.timestamp,
    hasMedia: message.hasMedia,
    type: message.type,
    ...(message.notifyName ? { notifyName: message.notifyName } : {}),
    ...(message.media ? { media: message.media } : {}),
    ...(message.location ? { location: message.location } : {}),
    ...(message.contacts ? { contacts: message.contacts } : {}),
  }
}

export class WhatsAppClient extends EventEmitter<ClientEvents> {
  readonly organizationId: string
  private engine: WaEngine | null = null
  private state: ClientState = 'idle'
  private attempts = 0
  private reconnectTimer: NodeJS.Timeout | null = null
  private stableTimer: NodeJS.Timeout | null = null
  private lastError: string | null = null
  /** The error code (WhatsAppErrorCode) of the last failed attempt, so a final error names its cause. */
  private lastErrorCode: string | null = null
  private stallTimer: NodeJS.Timeout | null = null
  private stalls = 0
  private readonly maxAttempts: number
  private readonly stableMs: number
  /**
   * Our own sends, to tell them from replies typed on the phone. The library emits `message_create` for
   * our send while `sendMessage` is still running (the page adds the message to its store before the
   * evaluate returns, Client.js:1545 + 1133), so the id is not known yet when the echo arrives: echoes
   * wait until every send in flight has returned (at most OWN_SEND_WAIT_MS), then are checked against the
   * ids our sends returned, remembered for OWN_SEND_MEMORY_MS.
   */
  private readonly ownSendIds = new Map<string, number>()
  private sendsInFlight = 0
  private sendsSettled: Array<() => void> = []

  constructor(private readonly options: WhatsAppClientOptions) {
    super()
    this.organizationId = options.organizationId
    this.maxAttempts = options.maxReconnectAttempts ?? MAX_RECONNECT_ATTEMPTS
    this.stableMs = options.stableConnectionMs ?? STABLE_CONNECTION_MS
  }

  get reconnectAttempts(): number {
    return this.attempts
  }

  getState(): ClientState {
    return this.state
  }

  isConnected(): boolean {
    return this.state === 'connected'
  }

  /** Starts the session (QR or restored). Failures to start are retried with backoff, not thrown. */
  async initialize(): Promise<void> {
    if (this.state === 'stopped') return
    this.state = 'starting'
    const engine = this.options.createEngine()
    this.engine = engine
    this.wire(engine)
    try {
      await engine.initialize()
    } catch (error) {
      if (this.engine !== engine || (this.state as ClientState) === 'stopped') return
      const engineError = isEngineError(error) ? error : new EngineError('UNKNOWN', String((error as Error)?.message ?? error), { cause: error })
      this.lastError = `${engineError.code}: ${engineError.message}`
      this.lastErrorCode = engineError.code
      this.options.log.warn({ code: engineError.code, err: engineError.message }, 'whatsapp engine failed to start')
      await this.dropEngine(engine)
      if (!engineError.retryable) {
        this.state = 'failed'
        this.emit('fatal', engineError)
        return
      }
      this.scheduleReconnect()
    }
  }

  /** Sends a text, or a file with `content` as its caption; throws EngineError(NOT_CONNECTED) unless connected. */
  async sendMessage(chatId: string, content: string, media?: WaOutgoingMedia): Promise<WaSentMessage> {
    if (!this.engine || this.state !== 'connected') {
      throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected', { retryable: true })
    }
    const engine = this.engine
    this.sendsInFlight += 1
    try {
      const sent = media ? await engine.sendMedia(chatId, media, content ? { caption: content } : {}) : await engine.sendText(chatId, content)
      this.rememberOwnSend(sent.id)
      return sent
    } finally {
      this.sendsInFlight -= 1
      if (this.sendsInFlight === 0) for (const resolve of this.sendsSettled.splice(0)) resolve()
    }
  }

  /** Whether this client sent the message itself (within OWN_SEND_MEMORY_MS). */
  isOwnSend(id: string): boolean {
    const expires = this.ownSendIds.get(id)
    return expires !== undefined && expires > Date.now()
  }

  private rememberOwnSend(id: string) {
    const now = Date.now()
    for (const [known, expires] of this.ownSendIds) if (expires <= now) this.ownSendIds.delete(known)
    this.ownSendIds.set(id, now + OWN_SEND_MEMORY_MS)
  }

  /** Resolves once no send is in flight, or after OWN_SEND_WAIT_MS. */
  private waitForSends(): Promise<void> {
    if (this.sendsInFlight === 0) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, OWN_SEND_WAIT_MS)
      timer.unref?.()
      this.sendsSettled.push(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  }

  /** Emits a message typed on the phone, unless it is the echo of one of our own sends. */
  private async forwardFromMe(raw: WaRawMessage) {
    if (this.isOwnSend(raw.id)) return
    await this.waitForSends()
    if (this.isOwnSend(raw.id) || this.state === 'stopped') return
    this.emit('message_from_me', normalizeMessage(raw))
  }

  async getContact(chatId: string): Promise<WaContact | null> {
    if (!this.engine || this.state !== 'connected' || !this.engine.capabilities.contacts) return null
    return this.engine.getContact(chatId)
  }

  /** Both identities behind a chat; null when not connected or the engine cannot tell. */
  async resolveIdentity(chatId: string): Promise<WaIdentity | null> {
    if (!this.engine || this.state !== 'connected' || !this.engine.resolveIdentity) return null
    return this.engine.resolveIdentity(chatId)
  }

  /**
   * The current acks of our sent messages (ack reconciliation after a restore or takeover); [] when not
   * connected or the engine cannot tell. Unknown ids are left out.
   */
  async getMessageAcks(ids: string[]): Promise<WaMessageAck[]> {
    if (!this.engine || this.state !== 'connected' || !this.engine.getMessageAcks) return []
    return this.engine.getMessageAcks(ids)
  }

  /**
   * Customers' messages since `since` (Unix seconds) that WhatsApp has in the chats, as live ones are handed
   * on (isCustomerMessage, normalizeMessage), oldest first: the incoming catch-up. [] where the engine cannot tell.
   */
  async findRecentIncoming(since: number, limit: number): Promise<WaIncomingMessage[]> {
    if (!this.engine || this.state !== 'connected' || !this.engine.findRecentIncoming) return []
    return (await this.engine.findRecentIncoming({ since, limit })).filter(isCustomerMessage).map(normalizeMessage)
  }

  /** Our own messages in a chat since `since` (send recovery); throws EngineError(NOT_CONNECTED) unless connected. */
  async findRecentOutgoing(chatId: string, since: number): Promise<WaOutgoingMessage[]> {
    if (!this.engine || this.state !== 'connected') throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected', { retryable: true })
    return this.engine.findRecentOutgoing(chatId, { since })
  }

  /** A received message's file (null: WhatsApp no longer has it); throws EngineError(NOT_CONNECTED) unless connected. */
  async downloadMedia(messageId: string): Promise<WaDownloadedMedia | null> {
    if (!this.engine || this.state !== 'connected') throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected', { retryable: true })
    return this.engine.downloadMedia(messageId)
  }

  /** Marks a chat read on WhatsApp (read receipts); throws EngineError(NOT_CONNECTED) unless connected. */
  /** The engine's browser process group, when it runs one (metrics: Chromium memory). */
  browserPid(): number | null {
    return this.engine?.browserPid?.() ?? null
  }

  async sendSeen(chatId: string): Promise<boolean> {
    if (!this.engine || this.state !== 'connected') throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected', { retryable: true })
    return this.engine.sendSeen(chatId)
  }

  /** Whether a number (international digits) is on WhatsApp; throws EngineError(NOT_CONNECTED) unless connected. */
  async checkNumber(phoneDigits: string): Promise<WaNumberCheck> {
    if (!this.engine || this.state !== 'connected') throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected', { retryable: true })
    return this.engine.checkNumber(phoneDigits)
  }

  /** Persists the auth state now; never throws (a failed sync must not block a disconnect). */
  async syncSession(): Promise<void> {
    const engine = this.engine
    if (!engine) return
    try {
      await engine.syncSession()
    } catch (error) {
      this.options.log.warn({ err: (error as Error).message }, 'session sync failed')
    }
  }

  /** Stops for good: syncs the session, closes the engine. Idempotent. */
  async destroy(): Promise<void> {
    this.state = 'stopped'
    this.clearTimers()
    const engine = this.engine
    if (!engine) return
    await this.syncSession()
    await this.dropEngine(engine)
  }

  /** Unlinks the device on the phone and forgets the stored session. */
  async logout(): Promise<void> {
    this.state = 'stopped'
    this.clearTimers()
    const engine = this.engine
    if (!engine) return
    try {
      await engine.logout()
    } catch (error) {
      this.options.log.warn({ err: (error as Error).message }, 'logout failed')
    }
    await this.dropEngine(engine)
  }

  private wire(engine: WaEngine) {
    // Events from an engine we already replaced or dropped are ignored.
    const current = () => this.engine === engine && this.state !== 'stopped'
    // Messages and acks still pass while a stopping client saves its session (its engine is still ours):
    // the engine took them off WhatsApp's queue, so dropping them here would lose them (a handover, a restart).
    const own = () => this.engine === engine
    engine.on('qr', (qr) => {
      if (!current()) return
      this.state = 'waiting_for_scan'
      this.emit('qr', qr)
    })
    engine.on('authenticated', () => {
      if (!current()) return
      this.armStallTimer(engine)
      this.emit('authenticated')
    })
    engine.on('auth_failure', (message) => current() && this.emit('auth_failure', message))
    engine.on('ready', (me) => {
      if (!current()) return
      this.state = 'connected'
      this.clearStallTimer()
      this.stalls = 0
      this.lastError = null
      this.lastErrorCode = null
      this.armStableTimer()
      this.emit('ready', me)
    })
    engine.on('message', (raw) => {
      if (!own() || !isCustomerMessage(raw)) return
      this.emit('message', normalizeMessage(raw))
    })
    engine.on('message_ack', (ack) => own() && this.emit('message_ack', ack))
    engine.on('message_from_me', (raw) => {
      if (!own() || !isPrivateChatFromMe(raw)) return
      void this.forwardFromMe(raw).catch((err: unknown) => this.options.log.error({ err, messageId: raw.id }, 'own message not forwarded'))
    })
    engine.on('message_revoked', (revoke) => own() && isPrivateChat(revoke.chatId) && this.emit('message_revoked', revoke))
    engine.on('message_edited', (edit) => own() && isPrivateChat(edit.chatId) && this.emit('message_edited', edit))
    engine.on('disconnected', (reason, detail) => {
      if (!current()) return
      void this.handleDisconnect(engine, reason, detail)
    })
  }

  private async handleDisconnect(engine: WaEngine, reason: WaDisconnectReason, detail?: string) {
    this.clearStableTimer()
    this.clearStallTimer()
    this.lastError = detail ? `${reason}: ${detail}` : reason
    this.lastErrorCode = DISCONNECT_REASONS[reason].code
    this.options.log.warn({ reason, detail }, 'whatsapp disconnected')
    // Save what the session learned before the engine goes away.
    await this.syncSession()
    this.emit('disconnected', reason, detail)
    await this.dropEngine(engine)
    if (this.state === 'stopped') return
    if (isTerminalDisconnect(reason)) {
      this.state = 'idle'
      return
    }
    this.scheduleReconnect()
  }

  private scheduleReconnect() {
    if (this.state === 'stopped') return
    if (this.attempts >= this.maxAttempts) {
      this.state = 'failed'
      this.options.log.error({ attempts: this.attempts }, 'giving up reconnecting')
      this.emit('max_reconnect_reached', this.lastError, this.lastErrorCode)
      return
    }
    this.attempts += 1
    metrics().reconnectAttempts.inc({ reason: this.lastErrorCode ?? 'UNKNOWN' })
    const delayMs = reconnectDelay(this.attempts)
    this.state = 'reconnecting'
    this.emit('reconnecting', { attempt: this.attempts, max: this.maxAttempts, delayMs })
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null
      void this.initialize()
    }, delayMs)
    this.reconnectTimer.unref?.()
  }

  private armStallTimer(engine: WaEngine) {
    this.clearStallTimer()
    const ms = this.options.loginStallMs ?? LOGIN_STALL_MS
    this.stallTimer = setTimeout(() => {
      this.stallTimer = null
      void this.handleStall(engine, ms)
    }, ms)
    this.stallTimer.unref?.()
  }

  private clearStallTimer() {
    if (this.stallTimer) clearTimeout(this.stallTimer)
    this.stallTimer = null
  }

  /** Linked but never ready: close it and retry with backoff; after MAX_LOGIN_STALLS in a row, stop. */
  private async handleStall(engine: WaEngine, ms: number) {
    if (this.engine !== engine || this.state === 'stopped' || this.state === 'connected') return
    this.stalls += 1
    const detail = `WhatsApp Web was not ready ${Math.round(ms / 1000)} s after the phone linked (stall ${this.stalls})`
    this.options.log.warn({ stalls: this.stalls }, 'login stalled after authentication')
    if (this.stalls >= (this.options.maxLoginStalls ?? MAX_LOGIN_STALLS)) {
      this.state = 'failed'
      this.lastError = `LOGIN_STALLED: ${detail}`
      this.lastErrorCode = 'LOGIN_STALLED'
      await this.dropEngine(engine)
      this.emit('fatal', new EngineError('LOGIN_STALLED', detail, { retryable: false }))
      return
    }
    await this.handleDisconnect(engine, 'LOGIN_STALLED', detail)
  }

  private armStableTimer() {
    this.clearStableTimer()
    this.stableTimer = setTimeout(() => {
      this.stableTimer = null
      if (this.state === 'connected') this.attempts = 0
    }, this.stableMs)
    this.stableTimer.unref?.()
  }

  private clearStableTimer() {
    if (this.stableTimer) clearTimeout(this.stableTimer)
    this.stableTimer = null
  }

  private clearTimers() {
    this.clearStableTimer()
    this.clearStallTimer()
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    this.reconnectTimer = null
  }

  private async dropEngine(engine: WaEngine) {
    if (this.engine === engine) this.engine = null
    engine.removeAllListeners()
    try {
      await engine.destroy()
    } catch (error) {
      this.options.log.warn({ err: (error as Error).message }, 'engine destroy failed')
    }
  }
}
