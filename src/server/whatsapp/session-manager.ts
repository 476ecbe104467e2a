/**
 * One WhatsApp client per organization, in exactly one server process at a time.
 *
 * - Start/stop of one organization is serialized (a per-organization lock): a double click or a
 *   reconnect racing a disconnect cannot start two browsers.
 * - Every status change goes through the single status setter (database + event bus).
 * - Ownership is a Redis lease, renewed while running and released on shutdown. Sessions the admin
 *   wants running (wantedConnected) are restored on boot and taken over by a survivor when their
 *   owner stops renewing.
 * - It also owns the organizations' history-import sessions (import-session.ts): nothing else creates
 *   an engine, and shutdown closes them too.
 */
import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { WhatsAppErrorCode } from '~/shared/whatsapp-error-codes'
import { WhatsAppSessionStatus } from '../db/generated/enums'
import { db } from '../db'
import { AppError, errorMessage } from '../errors'
import { redisSubscriber } from '../events/redis-subscriber'
import { logger, orgLogger } from '../logger'
import { getRedis, redisKey } from '../redis'
import { DISCONNECT_REASONS } from './disconnect-reasons'
import { EngineError, type EngineErrorCode } from './engine/errors'
import type {
  EngineFactory,
  WaAck,
  WaContact,
  WaDownloadedMedia,
  WaEdit,
  WaIdentity,
  WaIncomingMessage,
  WaMessageAck,
  WaNumberCheck,
  WaOutgoingMessage,
  WaRevoke,
  WaSentMessage,
} from './engine/types'
import { ImportSession, type ImportSessionHandlers } from './import-session'
import { createWhatsAppClientConfig, formatPhoneNumber } from './phone'
import { SessionLeases } from './session-lease'
import { noteLinkedNumber, setSessionStatus, type StatusPatch } from './session-status'
import { createDatabaseArchiveStore } from './session-store'
import { WhatsAppClient } from './whatsapp-client'

export type IncomingHandler = (organizationId: string, message: WaIncomingMessage) => Promise<void>
export type AckHandler = (organizationId: string, ack: { id: string; ack: WaAck }) => Promise<void>
/**
 * Ack reconciliation, run when a session becomes ready (restored, taken over, reconnected): acks that
 * arrived while no process listened are asked from the engine through `getAcks` (the handler picks the
 * messages and bounds the work; the session manager runs one pass per organization at a time).
 */
export type ReconcileHandler = (organizationId: string, getAcks: (ids: string[]) => Promise<WaMessageAck[]>) => Promise<void>
/** Replies typed on the business phone, and deletes and edits of messages (either side). */
export interface MessageChangeHandlers {
  fromMe: (organizationId: string, message: WaIncomingMessage) => Promise<void>
  revoked: (organizationId: string, revoke: WaRevoke) => Promise<void>
  edited: (organizationId: string, edit: WaEdit) => Promise<void>
}

export interface SessionManagerOptions {
  engineFactory: EngineFactory
  instanceId?: string
  leaseTtlMs?: number
  /** How often leases are renewed and orphaned sessions looked for. */
  tickMs?: number
  /** Redis for leases (default: the shared connection). */
  redis?: Redis
  client?: { maxReconnectAttempts?: number; stableConnectionMs?: number; loginStallMs?: number; maxLoginStalls?: number }
}

/** The history import's lease key: apart from the live session's, one import per organization. */
export function importLeaseKey(organizationId: string): string {
  return `import-${organizationId}`
}

type Command =
  | { type: 'disconnect' | 'logout'; organizationId: string; from: string }
  /** Mark a chat read on WhatsApp (read receipts), in whichever process runs the session. */
  | { type: 'seen'; organizationId: string; chatId: string; from: string }
  /** Is this number on WhatsApp? Asked of the process that runs the session; answered on `replyChannel`. */
  | { type: 'check'; organizationId: string; phoneDigits: string; from: string; replyChannel: string }

/** The owner's answer to a `check` command: the result, or the code of the EngineError it threw. */
type CheckReply = { ok: true; result: WaNumberCheck } | { ok: false; code: EngineErrorCode; message: string }

const COMMANDS_CHANNEL = () => redisKey('wa', 'commands')
const MAX_RECONNECT: WhatsAppErrorCode = 'MAX_RECONNECT'
/** How long a number check waits for the process that runs the session to answer. */
const REMOTE_CHECK_TIMEOUT_MS = 10_000
const SERVER_STOPPED: WhatsAppErrorCode = 'SERVER_STOPPED'
/**
 * Causes that keep their own explanation when the retries run out (the admin must fix that cause, e.g.
 * the server's internet or proxy for WHATSAPP_UNREACHABLE); other causes end as MAX_RECONNECT.
 */
const FINAL_CAUSES: ReadonlySet<string> = new Set<WhatsAppErrorCode>(['WHATSAPP_UNREACHABLE', 'LOGIN_STALLED', 'TIMEOUT', 'CONFLICT', 'BROWSER_LAUNCH_FAILED'])

/** The error code a session that gave up reconnecting shows: its last cause when that has its own explanation. */
export function finalErrorCode(lastCode: string | null): WhatsAppErrorCode {
  return lastCode && FINAL_CAUSES.has(lastCode) ? (lastCode as WhatsAppErrorCode) : MAX_RECONNECT
}

export class WhatsAppSessionManager {
  readonly instanceId: string
  private readonly clients = new Map<string, WhatsAppClient>()
  /** History-import sessions by import job id. */
  private readonly importSessions = new Map<string, ImportSession>()
  /** Organizations whose import session runs here (organization id → job id); each holds the `import-<org>` lease. */
  private readonly importOrganizations = new Map<string, string>()
  private readonly locks = new Map<string, Promise<unknown>>()
  private readonly leases: SessionLeases
  private readonly tickMs: number
  private ticker: NodeJS.Timeout | null = null
  private stopListening: (() => void) | null = null
  private incomingHandler: IncomingHandler | null = null
  private ackHandler: AckHandler | null = null
  private reconcileHandler: ReconcileHandler | null = null
  /** Organizations whose ack reconciliation runs now (one pass at a time). */
  private readonly reconciling = new Set<string>()
  /** Each local client's status-write chain, so the shutdown status lands after the client's own writes. */
  private readonly statusWrites = new Map<string, () => Promise<unknown>>()
  private changeHandlers: MessageChangeHandlers | null = null
  private stopped = false
  private readonly log = logger.child({ component: 'session-manager' })

  constructor(private readonly options: SessionManagerOptions) {
    this.instanceId = options.instanceId ?? `${process.pid}-${randomUUID().slice(0, 8)}`
    this.leases = new SessionLeases(options.redis ?? getRedis(), this.instanceId, options.leaseTtlMs ?? 15_000)
    this.tickMs = options.tickMs ?? 5_000
  }

  /** Where incoming customer messages go (the incoming queue). */
  setIncomingHandler(handler: IncomingHandler) {
    this.incomingHandler = handler
  }

  setAckHandler(handler: AckHandler) {
    this.ackHandler = handler
  }

  /** Where ack reconciliation goes when a session becomes ready (the messaging pipeline). */
  setReconcileHandler(handler: ReconcileHandler) {
    this.reconcileHandler = handler
  }

  /** Where phone replies, deletes and edits go (the messaging pipeline). */
  setMessageChangeHandlers(handlers: MessageChangeHandlers) {
    this.changeHandlers = handlers
  }

  /** Restores wanted sessions, listens for commands from other processes, starts renewing leases. */
  async start(): Promise<void> {
    this.stopped = false
    // Not awaited: with Redis down at boot this would wait for it; ioredis resubscribes on reconnect.
    void redisSubscriber()
      .subscribe(COMMANDS_CHANNEL(), (raw) => void this.onCommand(raw))
      .then((unsubscribe) => {
        if (this.stopped) unsubscribe()
        else this.stopListening = unsubscribe
      })
      .catch((err: Error) => this.log.warn({ err: err.message }, 'command channel unavailable'))
    await this.tick()
    this.ticker = setInterval(() => void this.tick(), this.tickMs)
    this.ticker.unref?.()
  }

  /** The organizations whose live session runs in this process, with their browser's pid where there is one (metrics). */
  localSessions(): Array<{ organizationId: string; browserPid: number | null }> {
    return [...this.clients].map(([organizationId, client]) => ({ organizationId, browserPid: client.browserPid() }))
  }

  /** True when the organization's live client runs in this process (in whatever state). */
  hasLocalSession(organizationId: string): boolean {
    return this.clients.has(organizationId)
  }

  /** Admin pressed Connect: start (or restart) the session; the QR and status arrive as events. */
  async connect(organizationId: string): Promise<void> {
    await this.serialize(organizationId, async () => {
      const existing = this.clients.get(organizationId)
      if (existing && ['connected', 'starting', 'waiting_for_scan', 'reconnecting'].includes(existing.getState())) return
      if (existing) await this.stopLocal(organizationId, { keepLease: true })
      let acquired: boolean
      try {
        acquired = await this.leases.acquire(organizationId)
      } catch {
        throw new AppError('UNAVAILABLE', 'whatsappRedisDown')
      }
      if (!acquired) throw new AppError('CONFLICT', 'whatsappOwnedElsewhere')
      await this.startLocal(organizationId)
    })
  }

  /** Admin pressed Disconnect: stop the session and keep it stopped (the stored session is kept). */
  async disconnect(organizationId: string, options: { logout?: boolean } = {}): Promise<void> {
    await this.serialize(organizationId, async () => {
      await setSessionStatus(organizationId, {
        status: WhatsAppSessionStatus.DISCONNECTED,
        wantedConnected: false,
        qrCode: null,
        errorCode: null,
        errorMessage: null,
        lastDisconnectedAt: new Date(),
      })
      if (this.clients.has(organizationId)) {
        await this.stopLocal(organizationId, { logout: options.logout })
      } else {
        // Owned by another process (or none): tell whoever runs it.
        const command: Command = { type: options.logout ? 'logout' : 'disconnect', organizationId, from: this.instanceId }
        await getRedis()
          .publish(COMMANDS_CHANNEL(), JSON.stringify(command))
          .catch(() => undefined)
      }
    })
  }

  /**
   * Graceful shutdown: sync and close every local session (releasing their leases) and every import
   * session (after its import stopped). Each session reads DISCONNECTED with SERVER_STOPPED unless
   * another process took it over; `wantedConnected` stays, so the next server restores it without a QR.
   */
  async disconnectAll(): Promise<void> {
    this.stopped = true
    if (this.ticker) clearInterval(this.ticker)
    this.ticker = null
    await Promise.allSettled([
      ...[...this.clients.keys()].map((organizationId) => this.serialize(organizationId, () => this.stopForShutdown(organizationId))),
      ...[...this.importSessions.values()].map((session) => session.shutdown()),
    ])
    this.stopListening?.()
    this.stopListening = null
  }

  /**
   * Opens the organization's history-import session for one import job (`import-<org>`, its own data
   * path and stored session) and starts it; its QR goes to `handlers.onQr`. Rejects with an
   * EngineError when it cannot start (the session is closed then). The caller closes the session when
   * done; shutdown closes it after `handlers.onShutdown`.
   */
  async openImportSession(organizationId: string, jobId: string, handlers: ImportSessionHandlers): Promise<ImportSession> {
    if (this.stopped) throw new AppError('UNAVAILABLE', 'whatsappUnavailable')
    const leaseKey = importLeaseKey(organizationId)
    // Its own lock and lease (`import-<org>`), apart from the live session's: one import per
    // organization across every process, while the live integration keeps running.
    const session = await this.serialize(leaseKey, async () => {
      if (this.stopped) throw new AppError('UNAVAILABLE', 'whatsappUnavailable')
      if (this.importOrganizations.has(organizationId)) throw new AppError('CONFLICT', 'importAlreadyRunning')
      let acquired: boolean
      try {
        acquired = await this.leases.acquire(leaseKey)
      } catch {
        throw new AppError('UNAVAILABLE', 'whatsappRedisDown')
      }
      if (!acquired) throw new AppError('CONFLICT', 'importAlreadyRunning', {}, { elsewhere: true })
      const config = createWhatsAppClientConfig(organizationId, 'import')
      const engine = this.options.engineFactory({
        organizationId,
        mode: 'import',
        clientId: config.clientId,
        dataPath: config.dataPath,
        store: createDatabaseArchiveStore(organizationId, 'import'),
      })
      const log = orgLogger(organizationId, { component: 'import-session', jobId })
      const opened: ImportSession = new ImportSession(engine, handlers, log, () => {
        if (this.importSessions.get(jobId) === opened) this.importSessions.delete(jobId)
        if (this.importOrganizations.get(organizationId) === jobId) {
          this.importOrganizations.delete(organizationId)
          void this.leases.release(leaseKey).catch(() => undefined)
        }
      })
      this.importSessions.set(jobId, opened)
      this.importOrganizations.set(organizationId, jobId)
      return opened
    })
    try {
      await session.initialize()
    } catch (error) {
      await session.close()
      throw error
    }
    return session
  }

  /** True when another process holds the organization's import lease (its import is running there). */
  async importRunsElsewhere(organizationId: string): Promise<boolean> {
    const owner = await this.leases.owner(importLeaseKey(organizationId)).catch(() => null)
    return owner !== null && owner !== this.instanceId
  }

  /** True when this process runs the organization's client and it is connected (sends go through here). */
  isConnected(organizationId: string): boolean {
    return this.clients.get(organizationId)?.isConnected() ?? false
  }

  /** A contact's details through this process's client (null when it does not run here). */
  async getContact(organizationId: string, chatId: string): Promise<WaContact | null> {
    return (await this.clients.get(organizationId)?.getContact(chatId)) ?? null
  }

  /**
   * The LID and phone behind a private chat, through this process's client (null when it does not run
   * here, is not connected, or the engine cannot tell). The phone is best-effort: privacy can hide it.
   */
  async resolveIdentity(organizationId: string, chatId: string): Promise<WaIdentity | null> {
    return (await this.clients.get(organizationId)?.resolveIdentity(chatId)) ?? null
  }

  /**
   * Sends to a phone number (or chat id) through this process's client. Throws
   * AppError(UNAVAILABLE) when the client does not run here; sendToChat otherwise.
   */
  async sendMessage(organizationId: string, to: string, content: string): Promise<WaSentMessage> {
    if (!this.clients.has(organizationId)) throw new AppError('UNAVAILABLE', 'whatsappNotConnected')
    return this.sendToChat(organizationId, formatPhoneNumber(to), content)
  }

  /**
   * Sends to a WhatsApp chat id through this process's client (the send worker). Throws
   * EngineError(NOT_CONNECTED, retryable) when the client does not run here or is not connected.
   */
  async sendToChat(organizationId: string, chatId: string, content: string): Promise<WaSentMessage> {
    const client = this.clients.get(organizationId)
    if (!client) throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected in this process', { retryable: true })
    return client.sendMessage(chatId, content)
  }

  /**
   * A received message's file, through this process's client (the media worker). Throws
   * EngineError(NOT_CONNECTED) when the client does not run here or is not connected; null when WhatsApp
   * no longer has the file.
   */
  async downloadMedia(organizationId: string, messageId: string): Promise<WaDownloadedMedia | null> {
    const client = this.clients.get(organizationId)
    if (!client) throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected in this process', { retryable: true })
    return client.downloadMedia(messageId)
  }

  /**
   * Our own messages in a chat since `since` (Unix seconds), through this process's client (send recovery).
   * Throws EngineError(NOT_CONNECTED) when the client does not run here or is not connected.
   */
  async findRecentOutgoing(organizationId: string, chatId: string, since: number): Promise<WaOutgoingMessage[]> {
    const client = this.clients.get(organizationId)
    if (!client) throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected in this process', { retryable: true })
    return client.findRecentOutgoing(chatId, since)
  }

  /**
   * Marks a chat read on WhatsApp (the customer sees blue ticks), wherever the session runs: through this
   * process's client, else told to the owner over the command channel. Best effort: a read receipt that
   * cannot be sent (not connected, the page failed) is logged and dropped, never an operator's error.
   */
  async sendSeen(organizationId: string, chatId: string): Promise<void> {
    const client = this.clients.get(organizationId)
    if (client) {
      await client
        .sendSeen(chatId)
        .catch((err: Error) => orgLogger(organizationId, { component: 'read-receipts' }).info({ err: err.message }, 'read receipt not sent'))
      return
    }
    const command: Command = { type: 'seen', organizationId, chatId, from: this.instanceId }
    await getRedis()
      .publish(COMMANDS_CHANNEL(), JSON.stringify(command))
      .catch(() => undefined)
  }

  /**
   * Whether a phone number (international digits) is on WhatsApp, and its chat id, wherever the session
   * runs: through this process's client, else asked of the lease owner over the command channel (the
   * way sendSeen reaches it), waiting for its answer. Throws EngineError(NOT_CONNECTED) when no process
   * runs the session, it is not connected, or the owner does not answer in time; the engine's errors
   * (BANNED, …) otherwise.
   */
  async checkNumber(organizationId: string, phoneDigits: string): Promise<WaNumberCheck> {
    const client = this.clients.get(organizationId)
    if (client) return client.checkNumber(phoneDigits)
    const owner = await this.leases.owner(organizationId).catch(() => null)
    if (!owner || owner === this.instanceId) throw new EngineError('NOT_CONNECTED', 'WhatsApp does not run anywhere', { retryable: true })
    const replyChannel = redisKey('wa', 'check-replies', randomUUID())
    let settle: (reply: CheckReply | null) => void = () => undefined
    const answered = new Promise<CheckReply | null>((resolve) => (settle = resolve))
    const unsubscribe = await redisSubscriber().subscribe(replyChannel, (raw) => {
      try {
        settle(JSON.parse(raw) as CheckReply)
      } catch {
        settle(null)
      }
    })
    const timer = setTimeout(() => settle(null), REMOTE_CHECK_TIMEOUT_MS)
    try {
      const command: Command = { type: 'check', organizationId, phoneDigits, from: this.instanceId, replyChannel }
      await getRedis().publish(COMMANDS_CHANNEL(), JSON.stringify(command))
      const reply = await answered
      if (!reply) throw new EngineError('NOT_CONNECTED', 'the process running WhatsApp did not answer', { retryable: true })
      if (!reply.ok) throw new EngineError(reply.code, reply.message)
      return reply.result
    } finally {
      clearTimeout(timer)
      unsubscribe()
    }
  }

  /** Runs another process's `check` command on this process's client and publishes the answer. */
  private async answerCheck(command: Extract<Command, { type: 'check' }>) {
    let reply: CheckReply
    try {
      reply = { ok: true, result: await this.checkNumber(command.organizationId, command.phoneDigits) }
    } catch (err) {
      reply = err instanceof EngineError ? { ok: false, code: err.code, message: err.message } : { ok: false, code: 'UNKNOWN', message: errorMessage(err) }
    }
    await getRedis()
      .publish(command.replyChannel, JSON.stringify(reply))
      .catch(() => undefined)
  }

  private async startLocal(organizationId: string) {
    const config = createWhatsAppClientConfig(organizationId, 'integration')
    const store = createDatabaseArchiveStore(organizationId)
    const log = orgLogger(organizationId, { component: 'whatsapp-client' })
    const client = new WhatsAppClient({
      organizationId,
      log,
      ...this.options.client,
      createEngine: () => this.options.engineFactory({ organizationId, mode: 'integration', clientId: config.clientId, dataPath: config.dataPath, store }),
    })
    this.clients.set(organizationId, client)
    this.wire(organizationId, client)
    await setSessionStatus(organizationId, {
      status: WhatsAppSessionStatus.CONNECTING,
      wantedConnected: true,
      qrCode: null,
      errorCode: null,
      errorMessage: null,
    })
    void client.initialize().catch((err) => log.error({ err }, 'initialize crashed'))
  }

  private wire(organizationId: string, client: WhatsAppClient) {
    const log = orgLogger(organizationId, { component: 'session-manager' })
    // One write at a time, in event order: a disconnect and the give-up right after it must not land reversed.
    let writes: Promise<unknown> = Promise.resolve()
    const update = (patch: StatusPatch, transient?: Parameters<typeof setSessionStatus>[2]) =>
      (writes = writes.then(() =>
        setSessionStatus(organizationId, patch, transient).catch((err: unknown) => log.error({ err: errorMessage(err) }, 'status not saved')),
      ))
    const isCurrent = () => this.clients.get(organizationId) === client
    this.statusWrites.set(organizationId, () => writes)

    client.on(
      'qr',
      (qr) => void (isCurrent() && update({ status: WhatsAppSessionStatus.QR_CODE_PENDING, qrCode: qr, errorCode: null, errorMessage: null, linkedAt: null })),
    )
    // The phone scanned (or the stored session was accepted): the QR goes at once, "Phone linked, loading chats…".
    client.on('authenticated', () => {
      if (!isCurrent()) return
      void update({ status: WhatsAppSessionStatus.CONNECTING, qrCode: null, errorCode: null, errorMessage: null, linkedAt: new Date() })
    })
    client.on('ready', (me) => {
      if (!isCurrent()) return
      // A new number starts its warm-up; in the write queue, before the write that stores the number.
      writes = writes.then(() =>
        noteLinkedNumber(organizationId, me.phone).catch((err: unknown) => log.error({ err: errorMessage(err) }, 'linked number not noted')),
      )
      void update({
        status: WhatsAppSessionStatus.CONNECTED,
        qrCode: null,
        phoneNumber: me.phone,
        pushName: me.pushName ?? null,
        lastConnectedAt: new Date(),
        errorCode: null,
        errorMessage: null,
        linkedAt: null,
        wantedConnected: true,
      })
      this.reconcileAcks(organizationId, client)
    })
    client.on('auth_failure', (message) => log.warn({ message }, 'authentication failed'))
    client.on('disconnected', (reason, detail) => {
      if (!isCurrent()) return
      const mapped = DISCONNECT_REASONS[reason]
      void update({
        status: mapped.status,
        qrCode: null,
        errorCode: mapped.code,
        errorMessage: detail ?? reason,
        linkedAt: null,
        lastDisconnectedAt: new Date(),
        ...(mapped.terminal ? { wantedConnected: false } : {}),
      })
      if (mapped.terminal) void this.serialize(organizationId, () => this.stopLocal(organizationId, {}))
    })
    client.on('reconnecting', (info) => {
      if (!isCurrent()) return
      void update({ status: WhatsAppSessionStatus.CONNECTING }, { reconnect: info })
    })
    client.on('max_reconnect_reached', (lastError, lastCode) => {
      if (!isCurrent()) return
      void update({
        status: WhatsAppSessionStatus.ERROR,
        errorCode: finalErrorCode(lastCode),
        errorMessage: `gave up reconnecting; last failure: ${lastError ?? 'unknown'}`,
        wantedConnected: false,
        qrCode: null,
        linkedAt: null,
      })
      void this.serialize(organizationId, () => this.stopLocal(organizationId, {}))
    })
    client.on('fatal', (error) => {
      if (!isCurrent()) return
      void update({
        status: WhatsAppSessionStatus.ERROR,
        errorCode: error.code,
        errorMessage: error.message,
        wantedConnected: false,
        qrCode: null,
        linkedAt: null,
      })
      void this.serialize(organizationId, () => this.stopLocal(organizationId, {}))
    })
    client.on('message', (message) => {
      if (!this.incomingHandler) {
        log.warn({ messageId: message.id }, 'incoming message dropped: no handler registered')
        return
      }
      this.incomingHandler(organizationId, message).catch((err) => log.error({ err, messageId: message.id }, 'incoming message not accepted'))
    })
    client.on('message_ack', (ack) => {
      this.ackHandler?.(organizationId, ack).catch((err) => log.error({ err, messageId: ack.id }, 'ack not recorded'))
    })
    client.on('message_from_me', (message) => {
      if (!this.changeHandlers) return void log.warn({ messageId: message.id }, 'phone reply dropped: no handler registered')
      this.changeHandlers.fromMe(organizationId, message).catch((err) => log.error({ err, messageId: message.id }, 'phone reply not accepted'))
    })
    client.on('message_revoked', (revoke) => {
      this.changeHandlers?.revoked(organizationId, revoke).catch((err) => log.error({ err, messageId: revoke.id }, 'revoke not recorded'))
    })
    client.on('message_edited', (edit) => {
      this.changeHandlers?.edited(organizationId, edit).catch((err) => log.error({ err, messageId: edit.id }, 'edit not recorded'))
    })
  }

  /**
   * Shutdown of one session: close it while still holding the lease (nobody can take over meanwhile),
   * say SERVER_STOPPED unless another process already owns it (its status wins), then release.
   */
  private async stopForShutdown(organizationId: string) {
    const log = orgLogger(organizationId, { component: 'session-manager' })
    const clientWrites = this.statusWrites.get(organizationId)
    await this.stopLocal(organizationId, { keepLease: true })
    await clientWrites?.()
    this.statusWrites.delete(organizationId)
    // undefined: Redis did not answer; then no other process can have taken the lease over either.
    const owner = await this.leases.owner(organizationId).catch(() => undefined)
    if (owner && owner !== this.instanceId) return
    await setSessionStatus(organizationId, {
      status: WhatsAppSessionStatus.DISCONNECTED,
      qrCode: null,
      errorCode: SERVER_STOPPED,
      errorMessage: 'the server process running this session shut down',
      linkedAt: null,
      lastDisconnectedAt: new Date(),
    }).catch((err: unknown) => log.error({ err: errorMessage(err) }, 'shutdown status not saved'))
    await this.leases.release(organizationId).catch(() => undefined)
  }

  /** Starts one bounded ack-reconciliation pass for the organization, unless one runs already. */
  private reconcileAcks(organizationId: string, client: WhatsAppClient) {
    const handler = this.reconcileHandler
    if (!handler || this.reconciling.has(organizationId)) return
    const log = orgLogger(organizationId, { component: 'session-manager' })
    this.reconciling.add(organizationId)
    void handler(organizationId, (ids) => (this.clients.get(organizationId) === client ? client.getMessageAcks(ids) : Promise.resolve([])))
      .catch((err: unknown) => log.error({ err: errorMessage(err) }, 'ack reconciliation failed'))
      .finally(() => this.reconciling.delete(organizationId))
  }

  private async stopLocal(organizationId: string, options: { logout?: boolean; keepLease?: boolean }) {
    const client = this.clients.get(organizationId)
    if (client) {
      this.clients.delete(organizationId)
      if (options.logout) await client.logout()
      else await client.destroy()
      client.removeAllListeners()
    }
    if (!options.keepLease) await this.leases.release(organizationId).catch(() => undefined)
  }

  /** Renews our leases (dropping sessions whose lease was lost) and takes over orphaned sessions. */
  private ticking = false

  private async tick() {
    // One pass at a time: with Redis slow or down, passes would otherwise pile up.
    if (this.stopped || this.ticking) return
    this.ticking = true
    try {
      await this.tickOnce()
    } finally {
      this.ticking = false
    }
  }

  private async tickOnce() {
    for (const [organizationId, jobId] of [...this.importOrganizations]) {
      const kept = await this.leases
        .renew(importLeaseKey(organizationId))
        .then((renewed) => renewed || this.leases.acquire(importLeaseKey(organizationId)))
        .catch(() => true)
      if (!kept) {
        this.log.warn({ organizationId, jobId }, 'import lease lost: another process runs this import now; stopping ours')
        await this.importSessions.get(jobId)?.shutdown()
      }
    }
    for (const organizationId of [...this.clients.keys()]) {
      // A Redis blip keeps us running; an expired lease nobody else took (a stalled event loop, or Redis
      // restarted empty) is simply taken again. Only a lease held by another process stops us.
      const kept = await this.leases
        .renew(organizationId)
        .then((renewed) => renewed || this.leases.acquire(organizationId))
        .catch(() => true)
      if (!kept) {
        this.log.warn({ organizationId }, 'lease lost: another process owns this session now')
        await this.serialize(organizationId, () => this.stopLocal(organizationId, { keepLease: true }))
      }
    }
    let wanted: Array<{ organizationId: string }>
    try {
      wanted = await db.whatsAppSession.findMany({ where: { wantedConnected: true }, select: { organizationId: true } })
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'could not read sessions to restore')
      return
    }
    for (const { organizationId } of wanted) {
      if (this.stopped || this.clients.has(organizationId)) continue
      await this.serialize(organizationId, async () => {
        if (this.clients.has(organizationId)) return
        const acquired = await this.leases.acquire(organizationId).catch(() => false)
        if (!acquired) return
        this.log.info({ organizationId }, 'restoring session')
        await this.startLocal(organizationId)
      })
    }
  }

  private async onCommand(raw: string) {
    let command: Command
    try {
      command = JSON.parse(raw) as Command
    } catch {
      return
    }
    if (command.from === this.instanceId || !this.clients.has(command.organizationId)) return
    if (command.type === 'seen') return this.sendSeen(command.organizationId, command.chatId)
    if (command.type === 'check') return this.answerCheck(command)
    await this.serialize(command.organizationId, () => this.stopLocal(command.organizationId, { logout: command.type === 'logout' }))
  }

  private serialize<T>(organizationId: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(organizationId) ?? Promise.resolve()
    const next = previous.catch(() => undefined).then(fn)
    const tail = next.catch(() => undefined)
    this.locks.set(organizationId, tail)
    void tail.then(() => {
      if (this.locks.get(organizationId) === tail) this.locks.delete(organizationId)
    })
    return next
  }
}
