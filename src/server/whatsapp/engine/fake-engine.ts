/**
 * A scriptable engine for unit tests: it does exactly what the test tells it, synchronously, and
 * records what was asked of it.
 */
import { EventEmitter } from 'node:events'
import { EngineError } from './errors'
import type {
  EngineEvents,
  WaContact,
  WaDownloadedMedia,
  WaEngine,
  WaMe,
  WaNumberCheck,
  WaOutgoingMedia,
  WaOutgoingMessage,
  WaRawMessage,
  WaSentMessage,
} from './types'

export interface FakeEngineScript {
  /** What initialize() does: resolve (default) or reject with this error. */
  initError?: EngineError
  /** Emit ready right away on initialize. */
  autoReady?: boolean
}

export class FakeEngine extends EventEmitter<EngineEvents> implements WaEngine {
  readonly kind = 'simulator' as const
  readonly capabilities = { contacts: true, avatars: true, history: false }
  me: WaMe | null = null
  calls = { initialize: 0, sync: 0, destroy: 0, logout: 0 }
  sent: Array<{ chatId: string; text: string; media?: Omit<WaOutgoingMedia, 'data'> & { size: number } }> = []
  /** What WhatsApp has of our sends (findRecentOutgoing answers from it), oldest first. */
  outgoing: Array<WaOutgoingMessage & { chatId: string }> = []
  /** Order of lifecycle calls, to check that sync comes before destroy. */
  log: string[] = []

  constructor(private readonly script: FakeEngineScript = {}) {
    super()
  }

  async initialize() {
    this.calls.initialize += 1
    this.log.push('initialize')
    if (this.script.initError) throw this.script.initError
    if (this.script.autoReady) this.becomeReady()
  }

  becomeReady(me: WaMe = { wid: '996555000001@c.us', phone: '+996555000001', pushName: 'Shop' }) {
    this.me = me
    this.emit('authenticated')
    this.emit('ready', me)
  }

  async sendText(chatId: string, text: string): Promise<WaSentMessage> {
    this.sent.push({ chatId, text })
    const sent = { id: `true_${chatId}_${this.sent.length}`, timestamp: Math.floor(Date.now() / 1000) }
    this.outgoing.push({ chatId, id: sent.id, body: text, timestamp: sent.timestamp })
    return sent
  }

  async sendMedia(chatId: string, media: WaOutgoingMedia, options: { caption?: string }): Promise<WaSentMessage> {
    const { data, ...rest } = media
    this.sent.push({ chatId, text: options.caption ?? '', media: { ...rest, size: data.length } })
    const sent = { id: `true_${chatId}_${this.sent.length}`, timestamp: Math.floor(Date.now() / 1000) }
    this.outgoing.push({ chatId, id: sent.id, body: options.caption ?? '', timestamp: sent.timestamp })
    return sent
  }

  /**
   * What downloadMedia answers, by message id: a file, null (WhatsApp no longer has it) or an error to
   * throw. Unknown ids answer null. Calls are counted per id.
   */
  media = new Map<string, WaDownloadedMedia | null | Error>()
  downloads = new Map<string, number>()

  async downloadMedia(messageId: string): Promise<WaDownloadedMedia | null> {
    this.downloads.set(messageId, (this.downloads.get(messageId) ?? 0) + 1)
    const answer = this.media.get(messageId) ?? null
    if (answer instanceof Error) throw answer
    return answer
  }

  /** Chats marked read (sendSeen), in call order. */
  seen: string[] = []

  async sendSeen(chatId: string): Promise<boolean> {
    this.seen.push(chatId)
    return true
  }

  /** Numbers (digits) checkNumber answers "not on WhatsApp" for; the numbers asked, in call order. */
  notOnWhatsApp = new Set<string>()
  checked: string[] = []

  async checkNumber(phoneDigits: string): Promise<WaNumberCheck> {
    if (!this.me) throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected', { retryable: true })
    this.checked.push(phoneDigits)
    return this.notOnWhatsApp.has(phoneDigits) ? { onWhatsApp: false } : { onWhatsApp: true, chatId: `${phoneDigits}@c.us` }
  }

  async findRecentOutgoing(chatId: string, options: { since: number }): Promise<WaOutgoingMessage[]> {
    return this.outgoing.filter((m) => m.chatId === chatId && m.timestamp >= options.since).map(({ chatId: _chat, ...message }) => message)
  }

  async getContact(chatId: string): Promise<WaContact | null> {
    return { id: chatId, pushName: 'Customer' }
  }

  getMe() {
    return this.me
  }

  async syncSession() {
    this.calls.sync += 1
    this.log.push('sync')
  }

  async logout() {
    this.calls.logout += 1
    this.log.push('logout')
  }

  async destroy() {
    this.calls.destroy += 1
    this.log.push('destroy')
  }

  receive(partial: Partial<WaRawMessage> & Pick<WaRawMessage, 'body'>) {
    this.emit('message', {
      id: `false_996700111222@c.us_${Math.random().toString(36).slice(2)}`,
      from: '996700111222@c.us',
      to: '996555000001@c.us',
      timestamp: Math.floor(Date.now() / 1000),
      fromMe: false,
      isStatus: false,
      isGroup: false,
      hasMedia: false,
      type: 'text',
      ...partial,
    })
  }
}

export const unreachable = () => new EngineError('WHATSAPP_UNREACHABLE', 'net::ERR_NAME_NOT_RESOLVED', { retryable: true })
