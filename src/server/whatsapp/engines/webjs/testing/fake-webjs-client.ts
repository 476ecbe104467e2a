/**
 * A library-shaped fake of whatsapp-web.js 1.34.7's `Client`, for tests of the real WebjsEngine (no
 * browser, no network). It emits exactly the events Client.js emits, with the same argument lists, and
 * its payloads are the library's own structures (`Message`, `Contact`, `Chat`, `ClientInfo` from
 * node_modules/whatsapp-web.js/src/structures) built from data in the shape the page serializes
 * (`window.WWebJS.getMessageModel`, util/Injected/Utils.js:803). Line numbers refer to 1.34.7.
 *
 * Using it:
 *   const fake = new FakeWebjsClient()            // or a FakeWebjsClientFactory shared with the engine
 *   createWebjsEngine({ ..., clientFactory: () => fake })
 *   fake.setSession('restored')                   // initialize() goes straight to authenticated + ready
 *   fake.emitIncoming({ from: '996555123456@c.us', body: 'hi' })
 *   fake.emitAck(fake.sent[0].message, 1)
 *   fake.failNextSend(new Error('Protocol error (Runtime.callFunctionOn): Target closed.'))
 *
 * Every library method the engine calls is here; anything else is deliberately absent, so a new call
 * in the engine fails loudly in tests until the fake learns it (from the library's source).
 */
import { EventEmitter } from 'node:events'
import type { Chat, Client as WebjsClient, ClientInfo, ClientOptions, Contact, Message, MessageMedia } from 'whatsapp-web.js'
import wwebjs from 'whatsapp-web.js'

type Structure<T> = new (client: unknown, data: unknown) => T
/** The library's structure classes (index.js:11-27); its typings declare them as interfaces only. */
const structures = wwebjs as unknown as {
  Message: Structure<Message>
  ClientInfo: Structure<ClientInfo>
  PrivateContact: Structure<Contact>
  BusinessContact: Structure<Contact>
  PrivateChat: Structure<Chat>
  GroupChat: Structure<Chat>
  MessageMedia: new (mimetype: string, data: string, filename?: string | null, filesize?: number | null) => MessageMedia
}

/** WAState (util/Constants.js:161-174). */
export type FakeWaState =
  | 'CONFLICT'
  | 'CONNECTED'
  | 'DEPRECATED_VERSION'
  | 'OPENING'
  | 'PAIRING'
  | 'PROXYBLOCK'
  | 'SMB_TOS_BLOCK'
  | 'TIMEOUT'
  | 'TOS_BLOCK'
  | 'UNLAUNCHED'
  | 'UNPAIRED'
  | 'UNPAIRED_IDLE'

/** States after which the library keeps the session (Client.js:824-829, takeoverOnConflict off). */
export const ACCEPTED_STATES: readonly FakeWaState[] = ['CONNECTED', 'OPENING', 'PAIRING', 'TIMEOUT']

/** A serialized WhatsApp id, as `Wid.serialize()` gives it inside the page. */
export interface FakeWid {
  server: string
  user: string
  _serialized: string
}

export function wid(serialized: string): FakeWid {
  const [user = '', server = ''] = serialized.split('@')
  return { server, user, _serialized: serialized }
}

/**
 * A message key as `getMessageModel` leaves it: `remote` flattened to a string (Utils.js:831-835),
 * `_serialized` = `<fromMe>_<remote>_<id>` (plus `_<participant>` in groups).
 */
export interface FakeMessageKey {
  fromMe: boolean
  remote: string
  id: string
  _serialized: string
  participant?: string
}

/** The serialized message data the page hands to `new Message(client, data)` (Message.js:24-344). */
export interface FakeMessageData {
  id: FakeMessageKey
  ack: number
  body: string
  type: string
  t: number
  from: string | FakeWid
  to: string | FakeWid
  author?: string | FakeWid
  notifyName?: string | null
  isNotification?: boolean
  isStatusV3?: boolean
  isNewMsg?: boolean
  /** Present for downloadable media; Message.js:49 derives `hasMedia` from it. */
  directPath?: string
  caption?: string
  mimetype?: string
  lat?: number
  lng?: number
  loc?: string
  vcardList?: { vcard: string }[]
  subtype?: string
  [key: string]: unknown
}

/** What `new wwebjs.Message(...)` gives (structures/Message.js), typed with the fields tests read. */
export type FakeMessage = Message & { _data: FakeMessageData }

/** Input for `emitIncoming` / `emitFromPhone` / `message()`; anything omitted gets a plausible default. */
export interface FakeMessageInput {
  /** The chat: sender for incoming, recipient for own messages. */
  chat?: string
  from?: string
  to?: string
  body?: string | null
  type?: string
  /** Key id (without the `fromMe_remote_` prefix); random by default. */
  keyId?: string
  timestamp?: number
  ack?: number
  notifyName?: string | null
  author?: string
  hasMedia?: boolean
  isNotification?: boolean
  isStatus?: boolean
  /** Extra raw fields merged into `_data` last (e.g. `{ subtype: 'change_number' }`). */
  data?: Partial<FakeMessageData>
}

export interface FakeContactInput {
  id: string
  name?: string
  pushname?: string
  isBusiness?: boolean
  /** The other identity of this contact, returned by `getContactLidAndPhone` (Client.js:3307-3324). */
  lid?: string
  phone?: string
}

export interface FakeChatInput {
  id: string
  name?: string
  unreadCount?: number
  timestamp?: number
  /** The chat's messages, the customer's and (fromMe) the business's own. */
  messages?: Array<FakeMessageInput & { fromMe?: boolean }>
  /** How many messages WhatsApp Web has loaded: `fetchMessages` never returns more (Chat.js:223-237). */
  loaded?: number
}

export interface FakeSendCall {
  chatId: string
  content: unknown
  options: Record<string, unknown>
  message: FakeMessage
}

export type FakeSession = 'new' | 'restored'

let keySeq = 0
/** A message key id in the format the web client uses (`3EB0` + hex, Message.js:80-86 calls it 'web'). */
export function newKeyId(): string {
  keySeq += 1
  return `3EB0${Date.now().toString(16).toUpperCase()}${keySeq.toString(16).toUpperCase().padStart(4, '0')}`
}

const OWN_DEFAULT = '996555000001@c.us'

/** The auth-strategy hooks Client.js calls (BaseAuthStrategy.js), for `withAuthStrategy()`. */
interface FakeAuthStrategy {
  setup(client: unknown): void
  beforeBrowserInitialized(): Promise<void>
  afterBrowserInitialized?(): Promise<void>
  afterAuthReady(): Promise<void> | void
  disconnect(): Promise<void>
  logout(): Promise<void>
  destroy(): Promise<void>
}

/** A chat as WhatsApp Web's Store holds it (`require('WAWebCollections').Chat`, Injected/Utils.js:921). */
interface FakeStoreChat {
  id: { _serialized: string; server: string }
  formattedTitle?: string
  groupMetadata?: object
  unreadCount: number
  t?: number
}

export class FakeWebjsClient extends EventEmitter {
  readonly options: ClientOptions
  /** `Client.info` (ClientInfo, structures/ClientInfo.js); set before `ready` like Client.js:349-366. */
  info: ClientInfo | undefined
  /** Minimal Puppeteer stand-ins: set by `initialize()` (Client.js:477-478). */
  pupBrowser: FakeBrowser | null = null
  pupPage: { evaluate: (fn?: unknown) => Promise<never> } | null = null

  // What tests inspect.
  readonly calls = { initialize: 0, destroy: 0, logout: 0 }
  readonly sent: FakeSendCall[] = []
  /** How many QR codes were shown (and how many counted against qrMaxRetries). */
  qrCount = 0

  private session: FakeSession = 'new'
  private readyAfterAuth = true
  private initError: unknown = null
  private sendFailures: unknown[] = []
  private ownWid = OWN_DEFAULT
  private pushname = 'Soul Business'
  private readonly contacts = new Map<string, FakeContactInput>()
  private readonly chats = new Map<string, FakeChatInput>()
  private readonly messages = new Map<string, FakeMessageData>()
  /** Serialized ids of the messages `sendMessage` put in each chat (WhatsApp Web keeps them in the chat's Msg collection). */
  private readonly sentInChat = new Map<string, string[]>()
  private qrRetries = 0
  private destroyed = false
  /** Set by `withAuthStrategy()`: the strategy is driven where Client.js drives it. */
  private auth: FakeAuthStrategy | null = null
  private readonly unregistered = new Set<string>()
  private readonly registeredAs = new Map<string, string>()
  /** The ids `getNumberId` was asked about, in call order (each is a query to WhatsApp's servers). */
  readonly numberQueries: string[] = []
  /** How many `pupPage.evaluate` calls ran (tests see that the Store path was used). */
  pageEvaluations = 0

  constructor(options: ClientOptions = {}) {
    super()
    this.options = options
  }

  // ---------------------------------------------------------------- scripting (tests)

  /**
   * Opt-in: drive `options.authStrategy` as Client.js does: `setup` (Client.js:94),
   * `beforeBrowserInitialized`/`afterBrowserInitialized` around the launch (442, 480), `afterAuthReady`
   * right after `ready`, not awaited (375-376), `disconnect` before `disconnected` on an unaccepted state
   * (851-852), `destroy` (1283), `logout` (1302) and the LOGOUT navigation handler (`navigateToLogout`).
   */
  withAuthStrategy(): this {
    const strategy = this.options.authStrategy as unknown as FakeAuthStrategy | undefined
    if (!strategy) throw new Error('fake: no authStrategy in the client options')
    strategy.setup(this)
    this.auth = strategy
    return this
  }

  /** 'new': `initialize()` shows a QR; 'restored': a stored session, authenticated + ready follow. */
  setSession(session: FakeSession): this {
    this.session = session
    return this
  }

  /** false: after `authenticated` the page never becomes ready (a stalled login, issue 9 point 6). */
  setReadyAfterAuth(ready: boolean): this {
    this.readyAfterAuth = ready
    return this
  }

  /** `initialize()` rejects with this (e.g. `new Error('net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/')`). */
  failInitialize(err: unknown): this {
    this.initError = err
    return this
  }

  /** The next `sendMessage` rejects with `err` (the library rejects with Puppeteer's errors). */
  failNextSend(err: unknown = new Error('Evaluation failed: Error: send failed')): this {
    this.sendFailures.push(err)
    return this
  }

  setMe(ownWid: string, pushname = this.pushname): this {
    this.ownWid = ownWid
    this.pushname = pushname
    return this
  }

  addContact(contact: FakeContactInput): this {
    this.contacts.set(contact.id, contact)
    if (contact.lid && contact.lid !== contact.id) this.contacts.set(contact.lid, { ...contact, id: contact.lid })
    if (contact.phone && contact.phone !== contact.id) this.contacts.set(contact.phone, { ...contact, id: contact.phone })
    return this
  }

  addChat(chat: FakeChatInput): this {
    this.chats.set(chat.id, chat)
    return this
  }

  /**
   * One QR, handled as Client.js:224-243 does: emit `qr`; with qrMaxRetries > 0, past the limit emit
   * `disconnected` with 'Max qrcode retries reached' and destroy.
   */
  async showQr(qr = `2@fake-ref-${this.qrCount + 1},static,identity,adv,platform`): Promise<void> {
    this.qrCount += 1
    this.emit('qr', qr)
    const max = this.options.qrMaxRetries ?? 0
    if (max > 0) {
      this.qrRetries += 1
      if (this.qrRetries > max) {
        this.emit('disconnected', 'Max qrcode retries reached')
        await this.destroy()
      }
    }
  }

  /**
   * The phone scanned the QR / the stored session was accepted: `authenticated` (Client.js:305), then
   * `info` and `ready` (Client.js:349-375), unless `setReadyAfterAuth(false)`.
   */
  async link(): Promise<void> {
    this.emit('authenticated', undefined)
    await Promise.resolve()
    if (!this.readyAfterAuth || this.destroyed) return
    this.becomeReady()
  }

  /** `ready` after a stall (e.g. the page finally loaded). */
  becomeReady(): void {
    this.info = new structures.ClientInfo(this, { pushname: this.pushname, wid: wid(this.ownWid), platform: 'android' })
    this.emit('ready')
    void this.auth?.afterAuthReady()
  }

  /** Builds a library `Message` (without emitting it). */
  message(input: FakeMessageInput & { fromMe?: boolean }): FakeMessage {
    const fromMe = input.fromMe ?? false
    const chat = input.chat ?? (fromMe ? input.to : input.from) ?? '996555123456@c.us'
    const from = input.from ?? (fromMe ? this.ownWid : chat)
    const to = input.to ?? (fromMe ? chat : this.ownWid)
    const keyId = input.keyId ?? newKeyId()
    const participant = input.author
    const data: FakeMessageData = {
      id: {
        fromMe,
        remote: chat,
        id: keyId,
        _serialized: `${fromMe}_${chat}_${keyId}${participant ? `_${participant}` : ''}`,
        ...(participant ? { participant } : {}),
      },
      ack: input.ack ?? (fromMe ? 0 : 1),
      // The page serializes a missing body as undefined/''; a null stays null (malformed input tests).
      body: input.body as string,
      type: input.type ?? 'chat',
      t: input.timestamp ?? Math.floor(Date.now() / 1000),
      from: wid(from),
      to: wid(to),
      ...(participant ? { author: wid(participant) } : {}),
      notifyName: input.notifyName === undefined ? (fromMe ? this.pushname : 'Customer') : input.notifyName,
      isNotification: input.isNotification ?? false,
      isStatusV3: input.isStatus ?? false,
      isNewMsg: true,
      ...(input.hasMedia ? { directPath: '/v/t62.fake/enc', mimetype: 'application/octet-stream', caption: input.body ?? '' } : {}),
      ...input.data,
    }
    this.messages.set(data.id._serialized, data)
    return this.wrap(data)
  }

  /**
   * A message from a customer: `message_create`, then `message` (Client.js:655-664; `message` only when
   * `id.fromMe` is false). Returns the library Message.
   */
  emitIncoming(input: FakeMessageInput = {}): FakeMessage {
    const msg = this.message({ ...input, fromMe: false })
    this.emit('message_create', msg)
    if (!msg.id.fromMe) this.emit('message', msg)
    return msg
  }

  /** A message typed on the business phone: only `message_create`, with `fromMe` (Client.js:655-657). */
  emitFromPhone(input: FakeMessageInput & { to: string }): FakeMessage {
    const msg = this.message({ ...input, chat: input.to, fromMe: true })
    this.emit('message_create', msg)
    return msg
  }

  /** Raw data straight to `message_create` + `message`, for malformed-payload tests (no defaults). */
  emitRawIncoming(data: unknown): void {
    let msg: unknown
    try {
      msg = new structures.Message(this, data)
    } catch {
      // Message.js:24 dereferences data.id: the library itself would throw inside the page callback.
      msg = data
    }
    this.emit('message_create', msg)
    this.emit('message', msg)
  }

  /**
   * `message_ack` with (message, ack) as Client.js:771-781: the message as it is now, with the new ack
   * (Msg 'change:ack' fires after the model changed, Client.js:1040-1044).
   */
  emitAck(target: string | { id: { _serialized: string } }, ack: number): FakeMessage {
    const id = typeof target === 'string' ? target : target.id._serialized
    const data = this.messages.get(id)
    if (!data) throw new Error(`fake: no message ${id}`)
    data.ack = ack
    const msg = this.wrap(data)
    this.emit('message_ack', msg, ack)
    return msg
  }

  /**
   * "Deleted for everyone": `message_revoke_everyone` with (message now of type 'revoked', the message
   * before) as Client.js:672-697. `withBefore: false` for the case the library cannot provide it.
   */
  emitRevoke(target: string | { id: { _serialized: string } }, withBefore = true): FakeMessage {
    const id = typeof target === 'string' ? target : target.id._serialized
    const data = this.messages.get(id)
    if (!data) throw new Error(`fake: no message ${id}`)
    const before = this.wrap({ ...data })
    const revoked: FakeMessageData = { ...data, type: 'revoked', body: '' }
    this.messages.set(id, revoked)
    const msg = this.wrap(revoked)
    this.emit('message_revoke_everyone', msg, withBefore ? before : undefined)
    return msg
  }

  /** An edit: `message_edit` with (message, newBody, prevBody) as Client.js:958-976. */
  emitEdit(target: string | { id: { _serialized: string } }, newBody: string): FakeMessage {
    const id = typeof target === 'string' ? target : target.id._serialized
    const data = this.messages.get(id)
    if (!data) throw new Error(`fake: no message ${id}`)
    const prevBody = data.body
    data.body = newBody
    const msg = this.wrap(data)
    this.emit('message_edit', msg, newBody, prevBody)
    return msg
  }

  /**
   * A WhatsApp Web state change as Client.js:815-855: `change_state`, then for a state outside
   * ACCEPTED_STATES `disconnected` with the state and a destroy. TIMEOUT (a network drop) emits only
   * `change_state`.
   */
  async emitState(state: FakeWaState): Promise<void> {
    this.emit('change_state', state)
    if (!ACCEPTED_STATES.includes(state)) {
      await this.auth?.disconnect()
      this.emit('disconnected', state)
      await this.destroy()
    }
  }

  /** The phone unlinked this device: the page navigates to post_logout=1 → `disconnected('LOGOUT')` (Client.js:495-503). */
  emitLogoutNavigation(): void {
    this.emit('disconnected', 'LOGOUT')
  }

  /**
   * The whole `framenavigated` LOGOUT handler (Client.js:495-502): `disconnected('LOGOUT')`, then the
   * strategy's `logout()` and, with the browser still open, `beforeBrowserInitialized()` again.
   */
  async navigateToLogout(): Promise<void> {
    this.emit('disconnected', 'LOGOUT')
    await this.auth?.logout()
    await this.auth?.beforeBrowserInitialized()
    await this.auth?.afterBrowserInitialized?.()
  }

  /** The last message sent through `sendMessage`. */
  lastSent(): FakeSendCall | undefined {
    return this.sent[this.sent.length - 1]
  }

  // ---------------------------------------------------------------- the library's API

  /**
   * Client.js:429-505: launches the browser, navigates, injects. A new session shows its first QR
   * during `inject()` (Client.js:274, awaited), so `qr` comes before `initialize()` resolves; a stored
   * session is authenticated later, by the page's own callback (Client.js:297-376), i.e. after it.
   */
  async initialize(): Promise<void> {
    this.calls.initialize += 1
    // The library also rejects with bare strings (Client.js:342 throws 'ready timeout'): pass through as given.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (this.initError) throw this.initError
    this.destroyed = false
    await this.auth?.beforeBrowserInitialized()
    this.pupBrowser = new FakeBrowser()
    this.pupPage = { evaluate: (fn?: unknown) => this.evaluateInPage(fn) as Promise<never> }
    await this.auth?.afterBrowserInitialized?.()
    if (this.session === 'new') {
      await this.showQr()
    } else {
      setImmediate(() => void this.link())
    }
  }

  /** Client.js:1277-1284: closes the browser if connected, then the auth strategy. */
  async destroy(): Promise<void> {
    this.calls.destroy += 1
    this.destroyed = true
    if (this.pupBrowser?.isConnected()) await this.pupBrowser.close()
    await this.auth?.destroy()
  }

  /** Client.js:1289-1306: Socket.logout() in the page, then the browser closes. */
  async logout(): Promise<void> {
    this.calls.logout += 1
    if (!this.pupBrowser) throw new TypeError("Cannot read properties of null (reading 'evaluate')")
    await this.pupBrowser.close()
    await this.auth?.logout()
  }

  /**
   * Client.js:2224-2237 (`getNumberId`): `@c.us` appended when missing, then the page's
   * `queryWidExists`: the registered number's wid (the one WhatsApp answers, see `registerNumber`), or
   * null when the number is not registered (`unregisterNumber`). Every other number is registered as typed.
   */
  async getNumberId(number: string): Promise<FakeWid | null> {
    this.assertPage()
    const id = number.endsWith('@c.us') ? number : `${number}@c.us`
    this.numberQueries.push(id)
    if (this.unregistered.has(id)) return null
    return wid(this.registeredAs.get(id) ?? id)
  }

  /** `getNumberId` answers null for this number (`<digits>` or `<digits>@c.us`): it is not on WhatsApp. */
  unregisterNumber(number: string): this {
    this.unregistered.add(number.endsWith('@c.us') ? number : `${number}@c.us`)
    return this
  }

  /** `getNumberId` answers this wid for the number (WhatsApp's canonical form of it, e.g. without a trunk digit). */
  registerNumber(number: string, serialized: string): this {
    this.registeredAs.set(number.endsWith('@c.us') ? number : `${number}@c.us`, serialized)
    return this
  }

  /**
   * Client.js:1386-1560: resolves with the new Message built from the page's model. Utils.js:463 sets
   * `ack: 0` on the new message, so a just-sent message is ACK_PENDING (accepted by the web client,
   * not yet by the server). `options.sendSeen` defaults to true (Client.js:1474). The page's Msg 'add'
   * fires `message_create` (fromMe) for API sends too (Client.js:655); the fake emits it before the
   * send resolves, the harder ordering for deduplication.
   */
  async sendMessage(chatId: string, content: unknown, options: Record<string, unknown> = {}): Promise<FakeMessage | undefined> {
    this.assertPage()
    const failure = this.sendFailures.shift()
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- whatever the test scripted
    if (failure !== undefined) throw failure
    // Client.js:1476-1478: a MessageMedia content is the send's media, its caption `options.caption`
    // (Client.js:1462); the page's message then has a directPath and the caption as body (Message.js:49-57).
    const media = content instanceof wwebjs.MessageMedia ? content : null
    const msg = media
      ? this.message({
          fromMe: true,
          chat: chatId,
          body: typeof options.caption === 'string' ? options.caption : '',
          hasMedia: true,
          type: options.sendMediaAsDocument || !media.mimetype.startsWith('image/') ? 'document' : 'image',
          ack: 0,
          data: { mimetype: media.mimetype, ...(media.filename ? { filename: media.filename } : {}), size: media.filesize ?? undefined },
        })
      : this.message({ fromMe: true, chat: chatId, body: typeof content === 'string' ? content : '', ack: 0 })
    this.sent.push({ chatId, content, options, message: msg })
    this.sentInChat.set(chatId, [...(this.sentInChat.get(chatId) ?? []), msg.id._serialized])
    this.emit('message_create', msg)
    return msg
  }

  /**
   * Client.js:1751-1771: the Message for a serialized id the page knows (`Msg.get`, then
   * `Msg.getMessagesById`), null otherwise; a malformed id throws like the page (Client.js:1756-1758).
   */
  async getMessageById(messageId: string): Promise<FakeMessage | null> {
    this.assertPage()
    const data = this.messages.get(messageId)
    if (data) return this.wrap(data)
    const parts = messageId.split('_')
    if (parts.length !== 3 && parts.length !== 4) throw new Error('Invalid serialized message id specified')
    return null
  }

  /**
   * The message's ack changes on WhatsApp's side without a `message_ack` event (the receipt reached
   * another process, or none): only `getMessageById` tells it afterwards.
   */
  setAckSilently(target: string | { id: { _serialized: string } }, ack: number): void {
    const id = typeof target === 'string' ? target : target.id._serialized
    const data = this.messages.get(id)
    if (!data) throw new Error(`fake: no message ${id}`)
    data.ack = ack
  }

  /** Client.js:1738-1744: a Contact (PrivateContact or BusinessContact) for any id, known or not. */
  async getContactById(contactId: string): Promise<Contact> {
    this.assertPage()
    const known = this.contacts.get(contactId)
    // Utils.js:1014-1016 (getContactModel): a LID contact whose phone WhatsApp Web knows is reported by its phone id.
    const id = contactId.endsWith('@lid') && known?.phone ? wid(known.phone) : wid(contactId)
    const data = {
      id,
      userid: id.user,
      name: known?.name,
      pushname: known?.pushname,
      isBusiness: known?.isBusiness ?? false,
      isUser: true,
      isGroup: contactId.endsWith('@g.us'),
      isMe: contactId === this.ownWid,
      isMyContact: Boolean(known?.name),
    }
    return data.isBusiness ? new structures.BusinessContact(this, data) : new structures.PrivateContact(this, data)
  }

  /** Client.js:2145 (getProfilePicUrl): privacy settings often hide it; the fake has none. */
  async getProfilePicUrl(_contactId: string): Promise<string | undefined> {
    this.assertPage()
    return undefined
  }

  /**
   * Client.js:3307-3324: `[{ lid, pn }]` per id, each `undefined` when WhatsApp does not reveal it
   * (`lid?._serialized`, `phone?._serialized`).
   */
  async getContactLidAndPhone(userIds: string | string[]): Promise<{ lid: string | undefined; pn: string | undefined }[]> {
    this.assertPage()
    const ids = Array.isArray(userIds) ? userIds : [userIds]
    return ids.map((userId) => {
      const known = this.contacts.get(userId)
      const lid = userId.endsWith('@lid') ? userId : known?.lid
      const pn = userId.endsWith('@c.us') ? userId : known?.phone
      return { lid, pn }
    })
  }

  /** Client.js:1668-1674: every chat, as PrivateChat/GroupChat (ChatFactory). */
  async getChats(): Promise<Chat[]> {
    this.assertPage()
    return [...this.chats.values()].map((chat) => this.wrapChat(chat))
  }

  /** Chats `sendSeen` marked read, in call order (the simulator shows these as blue ticks). */
  readonly seen: string[] = []

  /**
   * Client.js:1339-1343 → Utils.js:131-143 (`WWebJS.sendSeen`): true when the page has the chat (its unread
   * count drops to 0, and the page's `change:unreadCount` makes the client emit `unread_count` with the
   * Chat, Client.js:786-795), false when it does not.
   */
  async sendSeen(chatId: string): Promise<boolean> {
    this.assertPage()
    this.pageEvaluations += 1
    const chat = this.chats.get(chatId)
    const known = chat ?? (this.sentInChat.has(chatId) || [...this.messages.values()].some((m) => m.id.remote === chatId) ? { id: chatId } : undefined)
    if (!known) return false
    this.seen.push(chatId)
    if (chat && (chat.unreadCount ?? 0) > 0) {
      chat.unreadCount = 0
      this.emit('unread_count', this.wrapChat(chat))
    }
    return true
  }

  /** Client.js:1693-1698: the chat, or undefined. A chat we sent to exists from the send on (the page's Chat collection). */
  async getChatById(chatId: string): Promise<Chat | undefined> {
    this.assertPage()
    const chat = this.chats.get(chatId) ?? (this.sentInChat.has(chatId) ? { id: chatId } : undefined)
    return chat ? this.wrapChat(chat) : undefined
  }

  // ---------------------------------------------------------------- internals

  /**
   * What `Message.downloadMedia()` answers per message id (Message.js:513-597 runs in the page, not
   * scripted here): the file (base64, as the page hands it over), `undefined` (no media, REUPLOADING =
   * expired, an ERROR/FETCHING stage or a CDN 404: Message.js:513-516, 527-549, 585, 590), or an error the
   * page threw. Ids not set answer undefined, like an expired file.
   */
  mediaFiles = new Map<string, { mimetype: string; data: string; filename?: string | null; filesize?: number | null } | undefined | Error>()

  private wrap(data: FakeMessageData): FakeMessage {
    const message = new structures.Message(this, data) as FakeMessage
    const id = data.id._serialized
    Object.assign(message, {
      downloadMedia: async () => {
        this.assertPage()
        if (!message.hasMedia) return undefined
        const answer = this.mediaFiles.get(id)
        if (answer instanceof Error) throw answer
        if (!answer) return undefined
        return new structures.MessageMedia(answer.mimetype, answer.data, answer.filename, answer.filesize)
      },
    })
    return message
  }

  /**
   * A Chat with `fetchMessages` answering as Chat.js:203-245 does: notifications dropped, at most
   * `limit`, oldest first, and never more than WhatsApp Web has loaded (`loaded`).
   */
  private wrapChat(input: FakeChatInput): Chat {
    const data = {
      id: wid(input.id),
      formattedTitle: input.name,
      isGroup: input.id.endsWith('@g.us'),
      unreadCount: input.unreadCount ?? 0,
      t: input.timestamp,
    }
    const chat = data.isGroup ? new structures.GroupChat(this, data) : new structures.PrivateChat(this, data)
    const built = (input.messages ?? []).map((m) => this.message({ ...m, chat: input.id }))
    const fetchMessages = async (search: { limit?: number; fromMe?: boolean } = {}) => {
      this.assertPage()
      // Our sends are in the chat too, as the page's model has them now (ack included).
      const sent = (this.sentInChat.get(input.id) ?? []).flatMap((id) => {
        const data = this.messages.get(id)
        return data ? [this.wrap(data)] : []
      })
      let msgs = [...built, ...sent].filter((m) => !m._data.isNotification && (search.fromMe === undefined || m.id.fromMe === search.fromMe))
      if (input.loaded !== undefined) msgs = msgs.slice(-input.loaded)
      msgs.sort((a, b) => a.timestamp - b.timestamp)
      if (search.limit && search.limit > 0 && msgs.length > search.limit) msgs = msgs.slice(msgs.length - search.limit)
      return msgs
    }
    Object.assign(chat, { fetchMessages })
    return chat
  }

  /**
   * `pupPage.evaluate(fn)`: runs `fn` (synchronously) with the page's `require` answering
   * 'WAWebCollections' with a Store whose `Chat.getModelsArray()` holds the chats added with `addChat`
   * (a group has `groupMetadata`, Injected/Utils.js:952). Any other page module is not scripted.
   */
  private async evaluateInPage(fn: unknown): Promise<unknown> {
    this.assertPage()
    if (typeof fn !== 'function') throw new Error('fake: pupPage.evaluate is not scripted for strings')
    this.pageEvaluations += 1
    const storeChats = (): FakeStoreChat[] =>
      [...this.chats.values()].map((chat) => ({
        id: { _serialized: chat.id, server: chat.id.split('@')[1] ?? '' },
        ...(chat.name ? { formattedTitle: chat.name } : {}),
        ...(chat.id.endsWith('@g.us') ? { groupMetadata: {} } : {}),
        unreadCount: chat.unreadCount ?? 0,
        ...(chat.timestamp ? { t: chat.timestamp } : {}),
      }))
    const pageRequire = (name: string) => {
      if (name === 'WAWebCollections') return { Chat: { getModelsArray: storeChats } }
      throw new Error(`fake: page module ${name} is not scripted`)
    }
    const global = globalThis as unknown as { require?: unknown }
    const saved = global.require
    global.require = pageRequire
    try {
      return JSON.parse(JSON.stringify((fn as () => unknown)())) as unknown
    } finally {
      if (saved === undefined) delete global.require
      else global.require = saved
    }
  }

  /** Calls that go through `this.pupPage.evaluate` fail like the library's when there is no page. */
  private assertPage(): void {
    if (!this.pupPage || this.destroyed) throw new Error('Protocol error (Runtime.callFunctionOn): Session closed. Most likely the page has been closed.')
  }
}

/** Just enough of Puppeteer's Browser for the engine: connected state, close, and no real process. */
export class FakeBrowser {
  private connected = true
  isConnected(): boolean {
    return this.connected
  }
  async close(): Promise<void> {
    this.connected = false
  }
  process(): null {
    return null
  }
}

/**
 * A client factory for the engine that remembers every client it made, so a test can drive the one
 * the engine is using (`factory.last`) and see how many launches there were (`factory.clients`).
 */
export class FakeWebjsClientFactory {
  readonly clients: FakeWebjsClient[] = []
  /** Applied to each new client before the engine gets it. */
  constructor(private readonly setup: (client: FakeWebjsClient, index: number) => void = () => undefined) {}

  readonly create = (options: ClientOptions): WebjsClient => {
    const client = new FakeWebjsClient(options)
    this.setup(client, this.clients.length)
    this.clients.push(client)
    return client as unknown as WebjsClient
  }

  get last(): FakeWebjsClient {
    const client = this.clients[this.clients.length - 1]
    if (!client) throw new Error('fake: no client made yet')
    return client
  }
}
