/**
 * The real WhatsApp engine: whatsapp-web.js driving the system Chromium. Library events are mapped to
 * EngineEvents through ./mappers; every listener is guarded so nothing thrown in our code (or by a
 * subscriber) escapes into the library's page callbacks and crashes the process.
 */
import { EventEmitter } from 'node:events'
import path from 'node:path'
import type { Client as WebjsClient, ClientOptions, Message } from 'whatsapp-web.js'
// CommonJS package: Node's ESM loader (tsx, vitest) only detects `Client` as a named export, so take
// everything from the default export (module.exports).
import wwebjs from 'whatsapp-web.js'
import { orgLogger, type Logger } from '../../../logger'
import { EngineError } from '../../engine/errors'
import { identityOfChat, toWaIdentity } from '../../engine/identity'
import type { EngineCapabilities, EngineEvents, EngineOptions, WaContact, WaEngine, WaMe, WaRawMessage, WaSentMessage, WaChatSummary } from '../../engine/types'
import type { WaDownloadedMedia, WaIdentity, WaMessageAck, WaNumberCheck, WaOutgoingMedia, WaOutgoingMessage } from '../../engine/types'
import { CHROMIUM_ARGS } from '../../../chromium'
import { DatabaseAuth } from './database-auth'
import { isTerminalDisconnect } from '../../disconnect-reasons'
import { listChatsInPage } from './page-chat-list'
import {
  acceptAck,
  acceptIncomingMessage,
  mapAck,
  mapChat,
  mapContact,
  mapDisconnectReason,
  mapEdit,
  mapFromMe,
  mapInitError,
  mapMe,
  mapRevoke,
  mapRuntimeError,
} from './mappers'

/** The flags Chromium needs here; whatsapp-web.js adds its user agent on top. */
export { CHROMIUM_ARGS }

/** How many of our latest messages in a chat send recovery looks through (one crashed send is among the last few). */
const RECENT_OUTGOING_LIMIT = 50
/** Incoming catch-up: at most this many private chats (the most recently active) and messages per chat are read back. */
const CATCH_UP_MAX_CHATS = 100
const CATCH_UP_PER_CHAT = 20

export const DEFAULT_INIT_TIMEOUT_MS = 120_000
/**
 * QR codes shown before the library gives up (Client.js:234-241: past the limit it emits `disconnected`
 * with 'Max qrcode retries reached' and destroys) → QR_EXPIRED. With 0 it never gives up, and the
 * idle-QR refresh (Client.js:283-291) throws inside a page callback, so the QR froze for ever.
 */
export const DEFAULT_QR_MAX_RETRIES = 5
/**
 * How long WhatsApp Web may stay in TIMEOUT (its socket lost the server: a network drop) before we
 * relaunch. The library emits only `change_state` for it (TIMEOUT is an accepted state, Client.js:824-829),
 * never `disconnected`, and its own socket usually comes back by itself.
 */
export const DEFAULT_NETWORK_DROP_MS = 60_000

export interface WebjsEngineOptions extends EngineOptions {
  /** The system Chromium; Puppeteer never downloads a browser (.puppeteerrc.cjs skips it). */
  chromiumPath: string
  /** 'local': the profile folder on disk (LocalAuth); 'database': RemoteAuth archive in the store. */
  authMode: 'local' | 'database'
  headless?: boolean
  /** Upper bound for `initialize()`: the library navigates with no timeout at all. */
  initTimeoutMs?: number
  /** QR codes before the library gives up (QR_EXPIRED); default DEFAULT_QR_MAX_RETRIES, 0 = never. */
  qrMaxRetries?: number
  /** Stored-profile saves (database mode): first after `ready`, then every interval (>= 60000, RemoteAuth.js:47). */
  initialSyncDelayMs?: number
  backupSyncIntervalMs?: number
  /** Puppeteer's per-call limit (its `protocolTimeout` launch option; the library passes `puppeteer` options to launch, Client.js:462-465). */
  protocolTimeoutMs?: number
  /** How long a TIMEOUT state may last before the engine reports NETWORK (default DEFAULT_NETWORK_DROP_MS). */
  networkDropMs?: number
  /** Pins the WhatsApp Web build (ClientOptions.webVersion); unset = the library's choice. */
  webVersion?: string
  /** Where pinned builds come from (ClientOptions.webVersionCache); unset = a local cache in dataPath. */
  webVersionCache?: ClientOptions['webVersionCache']
  /**
   * Makes the library client; default `new wwebjs.Client(options)`. Tests pass a library-shaped fake
   * (./testing/fake-webjs-client.ts).
   */
  clientFactory?: WebjsClientFactory
}

export type WebjsClientFactory = (options: ClientOptions) => WebjsClient

const defaultClientFactory: WebjsClientFactory = (options) => new wwebjs.Client(options)

const BAN_STATES = new Set(['TOS_BLOCK', 'SMB_TOS_BLOCK'])

class WebjsEngine extends EventEmitter<EngineEvents> implements WaEngine {
  readonly kind = 'webjs' as const
  readonly capabilities: EngineCapabilities = { contacts: true, avatars: true, history: true }
  private readonly client: WebjsClient
  private readonly auth: DatabaseAuth | InstanceType<typeof wwebjs.LocalAuth>
  private readonly log: Logger
  private me: WaMe | null = null
  private ready = false
  /** A disconnect was reported: the library is clearing the profile, so there is nothing to sync. */
  private disconnected = false
  /** The reported disconnect was terminal (LOGOUT, UNPAIRED, BANNED…): nothing of the profile is saved. */
  private terminalDisconnect = false
  /** A reason already reported from `change_state`, so the library's own `disconnected` is not doubled. */
  private reportedState: string | null = null
  private initializing: Promise<void> | null = null
  private destroying: Promise<void> | null = null

  constructor(private readonly options: WebjsEngineOptions) {
    super()
    this.log = orgLogger(options.organizationId, { component: 'webjs', clientId: options.clientId, mode: options.mode })
    this.auth =
      options.authMode === 'database'
        ? new DatabaseAuth({
            organizationId: options.organizationId,
            clientId: options.clientId,
            dataPath: options.dataPath,
            store: options.store,
            initialSyncDelayMs: options.initialSyncDelayMs,
            backupSyncIntervalMs: options.backupSyncIntervalMs,
          })
        : new wwebjs.LocalAuth({ clientId: options.clientId, dataPath: options.dataPath })
    const clientOptions: ClientOptions = {
      authStrategy: this.auth as unknown as ClientOptions['authStrategy'],
      puppeteer: {
        executablePath: options.chromiumPath,
        headless: options.headless ?? true,
        args: [...CHROMIUM_ARGS],
        ...(options.protocolTimeoutMs ? { protocolTimeout: options.protocolTimeoutMs } : {}),
      },
      // The library's default cache folder is ./.wwebjs_cache in the working directory.
      webVersionCache: options.webVersionCache ?? { type: 'local', path: path.join(options.dataPath, '.wwebjs_cache') },
      ...(options.webVersion ? { webVersion: options.webVersion } : {}),
      qrMaxRetries: options.qrMaxRetries ?? DEFAULT_QR_MAX_RETRIES,
    }
    this.client = (options.clientFactory ?? defaultClientFactory)(clientOptions)
    this.wire()
  }

  async initialize(): Promise<void> {
    if (this.destroying) throw new EngineError('NOT_CONNECTED', 'engine already destroyed')
    this.initializing ??= this.start()
    return this.initializing
  }

  private async start(): Promise<void> {
    const timeoutMs = this.options.initTimeoutMs ?? DEFAULT_INIT_TIMEOUT_MS
    const pending = this.client.initialize()
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new EngineError('TIMEOUT', `WhatsApp Web did not start within ${timeoutMs} ms`)), timeoutMs)
    })
    try {
      await Promise.race([pending, timeout])
    } catch (err) {
      const mapped = mapInitError(err)
      this.log.warn({ code: mapped.code, retryable: mapped.retryable, err: mapped.message }, 'whatsapp web failed to start')
      // No Chromium may outlive a failed start; a launch still in flight is closed when it lands.
      pending.catch(() => undefined).finally(() => void this.closeBrowser())
      await this.destroy()
      throw mapped
    } finally {
      clearTimeout(timer)
    }
    if (this.destroying) {
      await this.closeBrowser()
      throw new EngineError('NOT_CONNECTED', 'engine destroyed while starting')
    }
  }

  async sendText(chatId: string, text: string): Promise<WaSentMessage> {
    this.assertReady()
    try {
      const target = await this.sendTarget(chatId)
      // sendSeen (Client.js:1474, default true) would mark the customer's chat read on every send; chats are
      // marked read when an operator opens the conversation, not because we sent something.
      return sentOf(target, await this.client.sendMessage(target, text, { sendSeen: false }))
    } catch (err) {
      throw mapRuntimeError(err)
    }
  }

  /**
   * A photo or document: the library's `MessageMedia` (base64 data, mimetype, filename, filesize:
   * structures/MessageMedia.js:16-40) as the content, which Client.js:1476-1478 turns into the media of
   * the send with `options.caption` as its caption (Client.js:1462); `sendMediaAsDocument` makes a
   * photo go as a file. The same ack 0 on return as text.
   */
  async sendMedia(chatId: string, media: WaOutgoingMedia, options: { caption?: string }): Promise<WaSentMessage> {
    this.assertReady()
    try {
      const target = await this.sendTarget(chatId)
      const content = new wwebjs.MessageMedia(media.mimetype, media.data.toString('base64'), media.fileName ?? null, media.data.length)
      const sent = await this.client.sendMessage(target, content, {
        sendSeen: false,
        sendMediaAsDocument: media.asDocument,
        ...(options.caption ? { caption: options.caption } : {}),
      })
      return sentOf(target, sent)
    } catch (err) {
      throw mapRuntimeError(err)
    }
  }

  /** The chat to send to: a phone id is checked and made canonical (getNumberId appends @c.us, so only phone ids are checked). */
  private async sendTarget(chatId: string): Promise<string> {
    if (!chatId.endsWith('@c.us')) return chatId
    const wid = await this.client.getNumberId(chatId)
    if (!wid) throw new EngineError('INVALID_RECIPIENT', `${chatId} is not on WhatsApp`, { retryable: false })
    return wid._serialized || chatId
  }

  async getContact(chatId: string): Promise<WaContact | null> {
    this.assertReady()
    try {
      const contact = await this.client.getContactById(chatId)
      // Privacy settings or a missing picture make this fail: the contact is still useful without it.
      const avatarUrl = await this.client.getProfilePicUrl(chatId).catch(() => undefined)
      return mapContact(contact, avatarUrl)
    } catch (err) {
      const mapped = mapRuntimeError(err, 'UNKNOWN')
      if (mapped.code === 'NOT_CONNECTED') throw mapped
      this.log.warn({ err: mapped.message }, 'contact lookup failed')
      return null
    }
  }

  /**
   * The LID and phone behind a private chat. whatsapp-web.js 1.34.7 `getContactLidAndPhone(userIds)`
   * (src/Client.js:3307-3323) answers `[{ lid, pn }]` with serialized ids, each undefined when unknown:
   * `enforceLidAndPnRetrieval` (src/util/Injected/Utils.js:1694-1722) reads the LID↔phone mapping and
   * queries WhatsApp once when a side is missing, returning `{}` when the user does not exist. When the
   * phone is still missing, `getContactById` (src/Client.js:1738-1744) is asked: its model replaces a
   * LID contact's id with the contact's phone number when WhatsApp Web has it (Utils.js:1011-1016).
   */
  async resolveIdentity(chatId: string): Promise<WaIdentity> {
    this.assertReady()
    const own = identityOfChat(chatId)
    if (!own.lid && !own.phone) return own
    try {
      const answers: unknown = await this.client.getContactLidAndPhone([chatId])
      const first = Array.isArray(answers) ? (answers[0] as { lid?: unknown; pn?: unknown } | undefined) : undefined
      const found = toWaIdentity(first?.lid, first?.pn)
      const identity: WaIdentity = { lid: found.lid ?? own.lid, phone: found.phone ?? own.phone }
      if (identity.lid && !identity.phone) {
        const contact = await this.client.getContactById(identity.lid).catch(() => null)
        identity.phone = toWaIdentity(null, (contact?.id as { _serialized?: unknown } | undefined)?._serialized).phone
      }
      return identity
    } catch (err) {
      const mapped = mapRuntimeError(err, 'UNKNOWN')
      if (mapped.code === 'NOT_CONNECTED') throw mapped
      this.log.warn({ err: mapped.message }, 'identity lookup failed')
      return own
    }
  }

  /**
   * The current ack of our sent messages, asked one by one: whatsapp-web.js 1.34.7 `getMessageById(id)`
   * (src/Client.js:1751-1771) looks the id up in the page's Msg collection, then asks WhatsApp Web's
   * store (`Msg.getMessagesById`), and resolves with a Message or null when neither knows it; an id
   * that is not `<fromMe>_<chat>_<id>[_<participant>]` throws (Client.js:1756-1758). The Message's
   * `ack` is the model's (structures/Message.js:39-43: MessageAck −1…4, util/Constants.js:181-188).
   * Unknown ids, messages that are not ours, and ids the page refuses are left out.
   */
  async getMessageAcks(ids: string[]): Promise<WaMessageAck[]> {
    this.assertReady()
    const answers: WaMessageAck[] = []
    for (const id of ids) {
      try {
        const message = await this.client.getMessageById(id)
        if (!message?.id?.fromMe || message.id._serialized !== id) continue
        answers.push({ id, ack: mapAck(message.ack) })
      } catch (err) {
        const mapped = mapRuntimeError(err, 'UNKNOWN')
        if (mapped.code === 'NOT_CONNECTED') throw mapped
        this.log.warn({ err: mapped.message, messageId: id }, 'ack lookup failed')
      }
    }
    return answers
  }

  /**
   * Our own messages in a private chat since `since`, for send recovery. The chat is the one sendText
   * writes to (a phone id resolved by `getNumberId`). whatsapp-web.js 1.34.7 `getChatById` (src/Client.js:1693-1698)
   * resolves with the Chat or undefined (no chat: nothing was ever sent there); `Chat.fetchMessages({ limit, fromMe })`
   * (src/structures/Chat.js:203-245) returns the chat's loaded messages with `id.fromMe === fromMe`, loading
   * earlier ones until `limit`, oldest first. A Message has `fromMe` (Message.js:149), `body` (Message.js:55),
   * `timestamp` in seconds (`data.t`, Message.js:69) and `ack` (Message.js:43). Failures throw: "cannot tell".
   */
  async findRecentOutgoing(chatId: string, options: { since: number }): Promise<WaOutgoingMessage[]> {
    this.assertReady()
    try {
      let target = chatId
      if (chatId.endsWith('@c.us')) {
        const wid = await this.client.getNumberId(chatId)
        if (!wid) return []
        target = wid._serialized || chatId
      }
      const chat = await this.client.getChatById(target)
      if (!chat) return []
      const messages = await chat.fetchMessages({ limit: RECENT_OUTGOING_LIMIT, fromMe: true })
      return messages
        .filter((m) => m.fromMe && m.timestamp >= options.since)
        .map((m) => ({ id: m.id._serialized, body: m.body ?? '', timestamp: m.timestamp, ack: mapAck(m.ack) }))
    } catch (err) {
      throw mapRuntimeError(err, 'UNKNOWN')
    }
  }

  /**
   * Marks a private chat read (blue ticks for the customer). whatsapp-web.js 1.34.7 `Client.sendSeen(chatId)`
   * (src/Client.js:1339-1343; `Chat.sendSeen()` at src/structures/Chat.js:109-111 calls it) runs
   * `WWebJS.sendSeen` in the page (src/util/Injected/Utils.js:131-143): the chat's model, then
   * `WAWebUpdateUnreadChatAction.sendSeen` between `Stream.markAvailable()` and `markUnavailable()`;
   * true when the page has the chat, false when not. A phone id is resolved as sendText resolves it.
   */
  browserPid(): number | null {
    return this.client.pupBrowser?.process()?.pid ?? null
  }

  async sendSeen(chatId: string): Promise<boolean> {
    this.assertReady()
    try {
      let target = chatId
      if (chatId.endsWith('@c.us')) {
        const wid = await this.client.getNumberId(chatId)
        if (!wid) return false
        target = wid._serialized || chatId
      }
      return await this.client.sendSeen(target)
    } catch (err) {
      throw mapRuntimeError(err, 'UNKNOWN')
    }
  }

  /**
   * Whether a number is on WhatsApp. whatsapp-web.js 1.34.7 `getNumberId(number)` (src/Client.js:2224-2237)
   * appends `@c.us` and runs `WAWebQueryExistsJob.queryWidExists(wid)` in the page (one query to WhatsApp's
   * servers); it resolves with the registered wid (`{ server, user, _serialized }`), or null when the number
   * is not registered. The wid is the chat id to use: WhatsApp may answer another form of the number.
   */
  async checkNumber(phoneDigits: string): Promise<WaNumberCheck> {
    this.assertReady()
    if (!/^\d{6,20}$/.test(phoneDigits)) return { onWhatsApp: false }
    try {
      const wid = await this.client.getNumberId(`${phoneDigits}@c.us`)
      if (!wid) return { onWhatsApp: false }
      return { onWhatsApp: true, chatId: wid._serialized || `${phoneDigits}@c.us` }
    } catch (err) {
      throw mapRuntimeError(err, 'UNKNOWN')
    }
  }

  getMe(): WaMe | null {
    return this.me
  }

  /**
   * A received message's file. whatsapp-web.js 1.34.7 `getMessageById` (src/Client.js:1751-1771) finds the
   * message (null when WhatsApp Web does not know it), then `Message.downloadMedia()`
   * (src/structures/Message.js:513-597) returns a MessageMedia (base64 `data`, `mimetype`, `filename`) or
   * undefined: no media, the media is being re-uploaded by the phone (mediaStage REUPLOADING: expired), its
   * download ended in an ERROR stage or is still FETCHING, or the CDN answered 404 (issue threads: a file
   * sent twice, an old message). All of those resolve null here: the caller retries a few times, then
   * shows the file as unavailable. A page that went away is NOT_CONNECTED; other page errors are thrown.
   */
  async downloadMedia(messageId: string): Promise<WaDownloadedMedia | null> {
    this.assertReady()
    try {
      const message = await this.client.getMessageById(messageId)
      if (!message) return null
      const media = await message.downloadMedia()
      if (!media || typeof media.data !== 'string' || !media.data) return null
      return {
        data: Buffer.from(media.data, 'base64'),
        mimetype: typeof media.mimetype === 'string' && media.mimetype ? media.mimetype : 'application/octet-stream',
        ...(typeof media.filename === 'string' && media.filename ? { fileName: media.filename } : {}),
      }
    } catch (err) {
      throw mapRuntimeError(err, 'UNKNOWN')
    }
  }

  async syncSession(): Promise<void> {
    // After a non-terminal disconnect too: the profile is kept (a network drop never reaches the
    // strategy). Never after a terminal one: WhatsAppClient syncs from inside the library's `disconnected`
    // emit, before the library calls the strategy's logout (Client.js:497-498), and a save would revive
    // the dead archive.
    if (!(this.auth instanceof DatabaseAuth) || this.destroying || (this.disconnected && this.terminalDisconnect)) return
    await this.auth.syncNow()
  }

  /** Unlinks the device; only once WhatsApp confirmed it is the stored archive deleted. */
  async logout(): Promise<void> {
    this.assertReady()
    try {
      await this.client.logout()
    } catch (err) {
      await this.destroy()
      throw mapRuntimeError(err, 'UNKNOWN')
    }
    this.ready = false
    if (this.auth instanceof DatabaseAuth) await this.auth.forgetStoredSession()
    this.log.info('logged out; stored session forgotten')
    await this.destroy()
  }

  async destroy(): Promise<void> {
    this.ready = false
    this.destroying ??= this.closeBrowser()
    return this.destroying
  }

  /** Every chat, cheaply: read from the page's Store (./page-chat-list) rather than the library's full getChats. */
  async getChats(): Promise<WaChatSummary[]> {
    this.assertReady()
    try {
      const page = this.client.pupPage
      if (!page) throw new EngineError('NOT_CONNECTED', 'WhatsApp Web page is not open', { retryable: true })
      const chats = await page.evaluate(listChatsInPage)
      return chats.map((chat) =>
        mapChat({ id: { _serialized: chat.id }, name: chat.name, isGroup: chat.isGroup, unreadCount: chat.unreadCount, timestamp: chat.t }),
      )
    } catch (err) {
      throw mapRuntimeError(err, 'UNKNOWN')
    }
  }

  /**
   * Customers' recent messages, read back for the incoming catch-up. The chat list comes from the page's Store
   * (getChats above; a chat's `t` is its last activity in Unix seconds): private chats active since `since`,
   * most recent first, at most CATCH_UP_MAX_CHATS. Per chat, whatsapp-web.js 1.34.7 `Chat.fetchMessages({ limit,
   * fromMe: false })` (src/structures/Chat.js:203-245: notifications dropped, `id.fromMe` filtered, earlier
   * messages loaded up to `limit`), each mapped by acceptIncomingMessage exactly as a live `message` event is.
   */
  async findRecentIncoming(options: { since: number; limit: number }): Promise<WaRawMessage[]> {
    const chats = (await this.getChats())
      .filter((chat) => !chat.isGroup && (chat.lastMessageAt ?? 0) >= options.since)
      .sort((a, b) => (b.lastMessageAt ?? 0) - (a.lastMessageAt ?? 0))
      .slice(0, CATCH_UP_MAX_CHATS)
    const found: WaRawMessage[] = []
    try {
      for (const summary of chats) {
        this.assertReady()
        const chat = await this.client.getChatById(summary.id)
        if (!chat) continue
        for (const message of await chat.fetchMessages({ limit: CATCH_UP_PER_CHAT, fromMe: false })) {
          const verdict = acceptIncomingMessage(message)
          if (verdict.ok && !verdict.message.fromMe && verdict.message.timestamp >= options.since) found.push(verdict.message)
        }
      }
    } catch (err) {
      throw mapRuntimeError(err, 'UNKNOWN')
    }
    return found.sort((a, b) => a.timestamp - b.timestamp).slice(-options.limit)
  }

  async fetchMessages(chatId: string, limit: number): Promise<WaRawMessage[]> {
    this.assertReady()
    try {
      const chat = await this.client.getChatById(chatId)
      if (!chat) return []
      const messages = await chat.fetchMessages({ limit })
      return messages.flatMap((message) => {
        const verdict = acceptIncomingMessage(message)
        return verdict.ok ? [verdict.message] : []
      })
    } catch (err) {
      throw mapRuntimeError(err, 'UNKNOWN')
    }
  }

  /**
   * Closes Chromium; never throws. Puppeteer launches it detached (@puppeteer/browsers launch.js:162), so
   * its pid is the pid of its own process group: after the polite close, whatever of the group is left
   * (zygote, renderers, GPU/utility processes, crashpad) is killed with the group, not just the main process.
   */
  private async closeBrowser(): Promise<void> {
    this.clearNetworkDropTimer()
    const pid = this.client.pupBrowser?.process()?.pid
    try {
      await this.client.destroy()
    } catch (err) {
      this.log.warn({ err: (err as Error)?.message ?? String(err) }, 'whatsapp web client destroy failed')
    }
    if (pid) killProcessGroup(pid, this.log)
  }

  private assertReady(): void {
    if (!this.ready || this.destroying) throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected', { retryable: true })
  }

  private wire(): void {
    const on = (event: string, handler: (...args: never[]) => void) => {
      this.client.on(event, (...args: unknown[]) => {
        if (this.destroying) return
        try {
          handler(...(args as never[]))
        } catch (err) {
          this.log.error({ err, event }, 'whatsapp web event handler failed')
        }
      })
    }
    on('qr', (qr: string) => this.emit('qr', qr))
    on('authenticated', () => this.emit('authenticated'))
    on('auth_failure', (message: unknown) => this.emit('auth_failure', typeof message === 'string' ? message : ''))
    on('ready', () => {
      this.me = mapMe(this.client.info)
      this.ready = true
      this.disconnected = false
      this.reportedState = null
      if (!this.me) this.log.warn('ready without an own WhatsApp id')
      this.emit('ready', this.me ?? { wid: '', phone: '' })
    })
    // 'message' carries only what others sent; our own sends are tracked by the send queue. System
    // notices, unknown types, empty and malformed payloads stop here (mappers.acceptIncomingMessage).
    on('message', (message: Message) => {
      const verdict = acceptIncomingMessage(message)
      if (verdict.ok) this.emit('message', verdict.message)
      else this.log.debug({ reason: verdict.reason }, 'library message dropped')
    })
    // Acks of incoming messages (our own read receipts, id.fromMe false) are not about our sends.
    on('message_ack', (message: Message, ack: number) => {
      const mapped = acceptAck(message, ack)
      if (mapped) this.emit('message_ack', mapped)
    })
    // Our own messages: Client.js:655 emits message_create for every new message, ours included (our
    // sends too: WhatsAppClient drops the ids it sent itself). Others' messages arrive through 'message'.
    on('message_create', (message: unknown) => {
      const mine = mapFromMe(message)
      if (mine) this.emit('message_from_me', mine)
      else if (!(message as { id?: { fromMe?: boolean } } | null)?.id) this.log.warn('message_create without an id dropped')
    })
    // Client.js:692: (after, before), Message objects; `before` may be undefined.
    on('message_revoke_everyone', (after: unknown, before: unknown) => {
      const revoke = mapRevoke(after, before)
      if (revoke) this.emit('message_revoked', revoke)
      else this.log.warn('malformed message_revoke_everyone dropped')
    })
    // Client.js:971: (message, newBody, prevBody).
    on('message_edit', (message: unknown, newBody: unknown, prevBody: unknown) => {
      const edit = mapEdit(message, newBody, prevBody)
      if (edit) this.emit('message_edited', edit)
      else if (newBody !== prevBody) this.log.warn('malformed message_edit dropped')
    })
    on('change_state', (state: string) => {
      this.log.info({ state }, 'whatsapp web state changed')
      // The library calls the strategy's disconnect() right after, without the state (Client.js:822, 851).
      if (this.auth instanceof DatabaseAuth) this.auth.noteState(state)
      // A ban is reported at once; the library's own 'disconnected' for it follows and is not doubled.
      if (BAN_STATES.has(state)) this.reportDisconnect(state)
      // TIMEOUT: the socket lost the server and the library emits no 'disconnected' (Client.js:824-853);
      // if it does not come back in time, relaunch as for a network drop. CONNECTED cancels it.
      if (state === 'TIMEOUT') this.armNetworkDropTimer()
      else this.clearNetworkDropTimer()
    })
    on('disconnected', (reason: string) => {
      if (BAN_STATES.has(reason) && reason === this.reportedState) return
      this.reportDisconnect(reason)
    })
  }

  private networkDropTimer: NodeJS.Timeout | null = null

  private armNetworkDropTimer(): void {
    if (this.networkDropTimer || !this.ready) return
    this.networkDropTimer = setTimeout(() => {
      this.networkDropTimer = null
      if (!this.destroying && this.ready) this.reportDisconnect('TIMEOUT')
    }, this.options.networkDropMs ?? DEFAULT_NETWORK_DROP_MS)
    this.networkDropTimer.unref?.()
  }

  private clearNetworkDropTimer(): void {
    if (this.networkDropTimer) clearTimeout(this.networkDropTimer)
    this.networkDropTimer = null
  }

  private reportDisconnect(rawReason: string): void {
    this.clearNetworkDropTimer()
    const reason = mapDisconnectReason(rawReason)
    this.ready = false
    this.disconnected = true
    this.terminalDisconnect = isTerminalDisconnect(reason)
    this.reportedState = rawReason
    this.log.warn({ reason, detail: rawReason }, 'whatsapp web disconnected')
    this.emit('disconnected', reason, rawReason)
  }
}

/**
 * SIGKILL to Chromium's whole process group (pgid = the detached main process's pid). Nothing to do when
 * the group is already gone (ESRCH); never throws.
 */
export function killProcessGroup(pid: number, log?: Logger): boolean {
  try {
    process.kill(-pid, 0)
  } catch {
    return false
  }
  try {
    process.kill(-pid, 'SIGKILL')
    log?.info({ pid }, 'chromium process group killed')
    return true
  } catch (err) {
    log?.warn({ pid, err: (err as Error).message }, 'chromium process group could not be killed')
    return false
  }
}

/** One single-use engine (after `destroy()` make a new one). */
export function createWebjsEngine(options: WebjsEngineOptions): WaEngine {
  return new WebjsEngine(options)
}

/**
 * What a send returned. A just-sent message has ack 0 (util/Injected/Utils.js:463): accepted by the web
 * client, not yet by WhatsApp's server; SENT comes with `message_ack` 1.
 */
function sentOf(target: string, sent: Message | null | undefined): WaSentMessage {
  if (!sent) throw new EngineError('SEND_FAILED', `WhatsApp Web returned no message for ${target}`)
  return { id: sent.id._serialized, timestamp: sent.timestamp || Math.floor(Date.now() / 1000), ack: mapAck(sent.ack) }
}
