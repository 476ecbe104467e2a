/**
 * One WhatsApp client per organization, in exactly one server process at a time.
 *
 * - Start/stop of one organization is serialized (a per-organization lock): a double click or a
 *   reconnect racing a disconnect cannot start two browsers.
 * - Every status change goes through the single status setter (database + event bus).
 * - Ownership is a Redis lease, renewed while running and handed over on shutdown. Sessions the admin
 *   wants running (wantedConnected) are restored on boot and taken over by a survivor when their
 *   owner stops renewing.
 * - With several server processes (nodes), new, restored and orphaned sessions go to the least-loaded
 *   node with room (session-placement.ts: heartbeats with each node's load and MAX_SESSIONS_PER_NODE,
 *   one atomic placement script), a node running more than its share hands sessions to the others, and
 *   a node shutting down hands each session straight to another node. Sends, and the lookups the
 *   pipeline makes, run on the node that owns the session: a node without it asks the owner over Redis
 *   (session-rpc.ts) instead of re-delaying the job.
 * - It also owns the organizations' history-import sessions (import-session.ts): nothing else creates
 *   an engine, and shutdown closes them too.
 */
import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { WhatsAppErrorCode } from '~/shared/whatsapp-error-codes'
import { WhatsAppSessionStatus } from '../db/generated/enums'
import { db } from '../db'
import { getEnv } from '../env'
import { AppError, errorMessage } from '../errors'
import { redisSubscriber } from '../events/redis-subscriber'
import { logger, orgLogger } from '../logger'
import { getRedis, redisKey, withTimeout } from '../redis'
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
import { isOutgoingMediaRef, loadOutgoingMedia, type OutgoingMediaRef } from './outgoing-media'
import { createWhatsAppClientConfig, formatPhoneNumber } from './phone'
import { SessionLeases, sessionLeaseKey } from './session-lease'
import { NodeRegistry, rebalanceCount } from './session-placement'
import { isOwnerDown, SessionRpc, type RpcOp } from './session-rpc'
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
/**
 * A restored session reads back customers' recent messages (since, limit → oldest first) and stores those
 * nobody stored: a process that died between receiving and storing them (domain/messages/incoming-catch-up.ts).
 */
export type CatchUpHandler = (organizationId: string, findRecent: (since: number, limit: number) => Promise<WaIncomingMessage[]>) => Promise<void>
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
  /** Sessions (live and import) this node runs at most (MAX_SESSIONS_PER_NODE). Default 1000. */
  maxSessions?: number
  /**
   * Whether sends and lookups for a session owned by another node are asked of that node (default true).
   * False only to measure what a node without forwarding does (its send jobs bounce: the integration test).
   */
  forwardToOwner?: boolean
  /** Sessions a node over its share hands to others per tick (default 5). */
  rebalanceBatch?: number
}

/**
 * Whether a send can go now, and where: through this node's client, or through the node that owns the
 * session. When not: nowhere connected, the owner does not answer (it died: the takeover comes), or
 * (`elsewhere`) the session runs on another node and this one does not forward: a bounce.
 */
export type SendPlace = { ready: true; where: 'here' | 'owner' } | { ready: false; reason: 'not-connected' | 'owner-down' | 'elsewhere' }

/** How long a node waits for the owner to run a send (an engine send has its own timeouts below this). */
const SEND_RPC_TIMEOUT_MS = 90_000
/** How long a node waits for the owner to answer a lookup or a status question. */
const LOOKUP_RPC_TIMEOUT_MS = 5_000

/** The history import's lease key: apart from the live session's, one import per organization. */
export function importLeaseKey(organizationId: string): string {
  return `import-${organizationId}`
}

type Command =
  | { type: 'disconnect' | 'logout'; organizationId: string; from: string }
  /** Mark a chat read on WhatsApp (read receipts), in whichever process runs the session. */
  | { type: 'seen'; organizationId: string; chatId: string; from: string }
  /** A session was placed on, or handed to, `to` (or a lease was freed): look now, not at the next tick. */
  | { type: 'wake'; organizationId: string; from: string; to: string | null }
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
  private readonly registry: NodeRegistry
  private readonly rpc: SessionRpc
  private readonly tickMs: number
  private ticker: NodeJS.Timeout | null = null
  private stopListening: (() => void) | null = null
  private incomingHandler: IncomingHandler | null = null
  private ackHandler: AckHandler | null = null
  private reconcileHandler: ReconcileHandler | null = null
  /** Organizations whose ack reconciliation runs now (one pass at a time). */
  private readonly reconciling = new Set<string>()
  private catchUpHandler: CatchUpHandler | null = null
  /** Organizations whose incoming catch-up runs now (one pass at a time). */
  private readonly catchingUp = new Set<string>()
  /** Each local client's status-write chain, so the shutdown status lands after the client's own writes. */
  private readonly statusWrites = new Map<string, () => Promise<unknown>>()
  private changeHandlers: MessageChangeHandlers | null = null
  private stopped = false
  private readonly log = logger.child({ component: 'session-manager' })

  constructor(private readonly options: SessionManagerOptions) {
    this.instanceId = options.instanceId ?? `${process.pid}-${randomUUID().slice(0, 8)}`
    const redis = options.redis ?? getRedis()
    const leaseTtlMs = options.leaseTtlMs ?? 15_000
    this.leases = new SessionLeases(redis, this.instanceId, leaseTtlMs)
    this.registry = new NodeRegistry(redis, this.instanceId, options.maxSessions ?? 1000, leaseTtlMs)
    this.rpc = new SessionRpc(redis, this.instanceId, (op, organizationId, args) => this.answerRpc(op, organizationId, args))
    this.tickMs = options.tickMs ?? 5_000
  }

  /** Sessions running here, live and import: what placement and MAX_SESSIONS_PER_NODE count. */
  get load(): number {
    return this.clients.size + this.importSessions.size
  }

  get capacity(): number {
    return this.registry.capacity
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

  setCatchUpHandler(handler: CatchUpHandler) {
    this.catchUpHandler = handler
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
    // Awaited briefly, so other nodes can ask this one as soon as it places sessions (not forever: Redis may be down).
    await withTimeout(this.rpc.start(), 2000, 'rpc channel not subscribed in time').catch((err: Error) =>
      this.log.warn({ err: err.message }, 'rpc channel unavailable'),
    )
    await this.renewAll()
    await this.tick()
    // Renewals apart from placement: a placement pass slowed by a busy database never lets our leases expire.
    this.ticker = setInterval(() => {
      void this.renewAll()
      void this.tick()
    }, this.tickMs)
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
      // The least-loaded node with room gets it (this one on a tie); a lease held elsewhere stays there.
      let placed: Awaited<ReturnType<NodeRegistry['claim']>>
      try {
        placed = await this.registry.claim(organizationId, this.load)
      } catch {
        throw new AppError('UNAVAILABLE', 'whatsappRedisDown')
      }
      if (!placed) throw new AppError('UNAVAILABLE', 'whatsappNoCapacity')
      if (placed.node === this.instanceId) return this.startLocal(organizationId)
      if (!placed.assigned) throw new AppError('CONFLICT', 'whatsappOwnedElsewhere')
      // Placed on another node: wanted from now on (its tick starts it even if the wake is lost); the QR comes from there.
      await setSessionStatus(organizationId, {
        status: WhatsAppSessionStatus.CONNECTING,
        wantedConnected: true,
        qrCode: null,
        errorCode: null,
        errorMessage: null,
      })
      await this.wake(organizationId, placed.node)
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
    // First out of the node set: no placement picks this node while its sessions leave.
    await this.registry.leave().catch(() => undefined)
    await Promise.allSettled([
      ...[...this.clients.keys()].map((organizationId) => this.serialize(organizationId, () => this.stopForShutdown(organizationId))),
      ...[...this.importSessions.values()].map((session) => session.shutdown()),
    ])
    // Sends other nodes forwarded here are answered until every session left (then they go to the new owners).
    this.rpc.stop()
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
      // An import session is a browser like a live one: it counts against this node's capacity.
      if (this.load >= this.capacity) throw new AppError('UNAVAILABLE', 'whatsappNoCapacity')
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

  /** A contact's details through the session's client, here or on its owner (null when it runs nowhere or the owner fails). */
  async getContact(organizationId: string, chatId: string): Promise<WaContact | null> {
    const client = this.clients.get(organizationId)
    if (client) return (await client.getContact(chatId)) ?? null
    return this.askOwner<WaContact | null>(organizationId, 'getContact', [chatId], LOOKUP_RPC_TIMEOUT_MS).catch(() => null)
  }

  /**
   * The LID and phone behind a private chat, through this process's client (null when it does not run
   * here, is not connected, or the engine cannot tell). The phone is best-effort: privacy can hide it.
   */
  async resolveIdentity(organizationId: string, chatId: string): Promise<WaIdentity | null> {
    const client = this.clients.get(organizationId)
    if (client) return (await client.resolveIdentity(chatId)) ?? null
    return this.askOwner<WaIdentity | null>(organizationId, 'resolveIdentity', [chatId], LOOKUP_RPC_TIMEOUT_MS).catch(() => null)
  }

  /** Whether a send can go now, here or on the owner (see SendPlace); one GET and, for a remote owner, one question. */
  async sendPlace(organizationId: string): Promise<SendPlace> {
    const client = this.clients.get(organizationId)
    if (client) return client.isConnected() ? { ready: true, where: 'here' } : { ready: false, reason: 'not-connected' }
    const owner = await this.leases.owner(organizationId).catch(() => null)
    if (!owner || owner === this.instanceId) return { ready: false, reason: 'not-connected' }
    if (this.options.forwardToOwner === false) return { ready: false, reason: 'elsewhere' }
    try {
      const connected = await this.rpc.call<boolean>(owner, 'isConnected', organizationId, [], LOOKUP_RPC_TIMEOUT_MS)
      return connected ? { ready: true, where: 'owner' } : { ready: false, reason: 'not-connected' }
    } catch (error) {
      return { ready: false, reason: isOwnerDown(error) ? 'owner-down' : 'not-connected' }
    }
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
   * Sends to a WhatsApp chat id through the session's client (the send worker): this process's, or the
   * owner's over Redis. Throws EngineError(NOT_CONNECTED, retryable) when it runs nowhere or is not
   * connected (OwnerDownError when the owner does not answer), TIMEOUT when the owner did not answer in time.
   */
  async sendToChat(organizationId: string, chatId: string, content: string, media?: OutgoingMediaRef): Promise<WaSentMessage> {
    const client = this.clients.get(organizationId)
    if (client) return this.sendThrough(client, chatId, content, media)
    // Only the file's reference travels to the owner, never its bytes.
    return this.askOwner<WaSentMessage>(organizationId, 'sendToChat', media ? [chatId, content, media] : [chatId, content], SEND_RPC_TIMEOUT_MS)
  }

  /** A text, or a file read from the media store right before the engine call (caption: `content`). */
  private async sendThrough(client: WhatsAppClient, chatId: string, content: string, media?: OutgoingMediaRef): Promise<WaSentMessage> {
    if (!media) return client.sendMessage(chatId, content)
    if (!client.isConnected()) throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected', { retryable: true })
    return client.sendMessage(chatId, content, await loadOutgoingMedia(media, getEnv().MEDIA_MAX_BYTES))
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
    if (client) return client.findRecentOutgoing(chatId, since)
    return this.askOwner<WaOutgoingMessage[]>(organizationId, 'findRecentOutgoing', [chatId, since], LOOKUP_RPC_TIMEOUT_MS)
  }

  /** Runs an engine call on the node owning the session; NOT_CONNECTED when none (or forwarding is off). */
  private async askOwner<T>(organizationId: string, op: RpcOp, args: unknown[], timeoutMs: number): Promise<T> {
    const owner = this.options.forwardToOwner === false ? null : await this.leases.owner(organizationId).catch(() => null)
    if (!owner || owner === this.instanceId) throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected in this process', { retryable: true })
    return this.rpc.call<T>(owner, op, organizationId, args, timeoutMs)
  }

  /** What another node asks of a session running here (session-rpc.ts). */
  private async answerRpc(op: RpcOp, organizationId: string, args: unknown[]): Promise<unknown> {
    const client = this.clients.get(organizationId)
    if (op === 'isConnected') return client?.isConnected() ?? false
    if (!client) throw new EngineError('NOT_CONNECTED', 'WhatsApp is not connected in this process', { retryable: true })
    const text = (i: number) => {
      if (typeof args[i] !== 'string') throw new EngineError('UNKNOWN', `bad ${op} request`, { retryable: false })
      return args[i]
    }
    switch (op) {
      case 'sendToChat': {
        if (args[2] !== undefined && !isOutgoingMediaRef(args[2])) throw new EngineError('UNKNOWN', 'bad sendToChat media', { retryable: false })
        return this.sendThrough(client, text(0), text(1), args[2])
      }
      case 'findRecentOutgoing':
        return client.findRecentOutgoing(text(0), Number(args[1]))
      case 'getContact':
        return client.getContact(text(0))
      case 'resolveIdentity':
        return client.resolveIdentity(text(0))
    }
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

    // A ready that follows a QR is a new pairing: its chats' past belongs to the history import, not to the catch-up.
    let paired = false
    client.on('qr', (qr) => {
      paired = true
      void (isCurrent() && update({ status: WhatsAppSessionStatus.QR_CODE_PENDING, qrCode: qr, errorCode: null, errorMessage: null, linkedAt: null }))
    })
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
      if (!paired) this.catchUpIncoming(organizationId, client)
      paired = false
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
   * Shutdown of one session: close it while still holding the lease (nobody can take over meanwhile;
   * closing saves the stored session), then hand the lease straight to the least-loaded other node and
   * wake it, so it takes over at once instead of after the TTL. With no other node: SERVER_STOPPED
   * (unless another process already owns it: its status wins), then release.
   */
  private async stopForShutdown(organizationId: string) {
    if (await this.moveAway(organizationId)) return
    const log = orgLogger(organizationId, { component: 'session-manager' })
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

  /**
   * Stops the local session (keeping the lease, so nobody starts it before its last save and status
   * write) and hands the lease to the least-loaded other node. True when handed over; false when no
   * other node has room or Redis did not answer (the lease is still ours then, the client stopped).
   */
  private async moveAway(organizationId: string): Promise<boolean> {
    const clientWrites = this.statusWrites.get(organizationId)
    await this.stopLocal(organizationId, { keepLease: true })
    await clientWrites?.()
    this.statusWrites.delete(organizationId)
    const owner = await this.leases.owner(organizationId).catch(() => undefined)
    if (owner !== this.instanceId) return false
    const room = await this.registry
      .loads()
      .then((loads) => loads.some((l) => l.node !== this.instanceId && l.load < l.capacity))
      .catch(() => false)
    if (!room) return false
    // Offline from here until the next node connects it: what a rolling restart costs the organization.
    await setSessionStatus(organizationId, {
      status: WhatsAppSessionStatus.CONNECTING,
      qrCode: null,
      errorCode: null,
      errorMessage: null,
      linkedAt: null,
    }).catch(() => undefined)
    const placed = await this.registry.handover(organizationId).catch(() => null)
    if (!placed) return false
    this.log.info({ organizationId, to: placed.node }, 'session handed over')
    await this.wake(organizationId, placed.node)
    return true
  }

  /** Tells the other nodes to look at their sessions now (a placement, a handover, a freed lease). */
  private async wake(organizationId: string, to: string | null) {
    const command: Command = { type: 'wake', organizationId, from: this.instanceId, to }
    await getRedis()
      .publish(COMMANDS_CHANNEL(), JSON.stringify(command))
      .catch(() => undefined)
  }

  /** Starts one bounded ack-reconciliation pass for the organization, unless one runs already. */
  private reconcileAcks(organizationId: string, client: WhatsAppClient) {
    const handler = this.reconcileHandler
    if (!handler) return
    this.oncePerOrganization(this.reconciling, organizationId, 'ack reconciliation failed', () =>
      handler(organizationId, (ids) => (this.clients.get(organizationId) === client ? client.getMessageAcks(ids) : Promise.resolve([]))),
    )
  }

  /** Starts one bounded catch-up of missed customer messages for the organization, unless one runs already. */
  private catchUpIncoming(organizationId: string, client: WhatsAppClient) {
    const handler = this.catchUpHandler
    if (!handler) return
    this.oncePerOrganization(this.catchingUp, organizationId, 'incoming catch-up failed', () =>
      handler(organizationId, (since, limit) => (this.clients.get(organizationId) === client ? client.findRecentIncoming(since, limit) : Promise.resolve([]))),
    )
  }

  /**
   * Runs a background pass for the organization unless one of the same kind (`running`) is still going;
   * the engine calls inside it answer nothing once the session's client is replaced. A failure is logged.
   */
  private oncePerOrganization(running: Set<string>, organizationId: string, failure: string, pass: () => Promise<unknown>) {
    if (running.has(organizationId)) return
    running.add(organizationId)
    void pass()
      .catch((err: unknown) => orgLogger(organizationId, { component: 'session-manager' }).error({ err: errorMessage(err) }, failure))
      .finally(() => running.delete(organizationId))
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

  /** Renews our leases (dropping sessions whose lease was lost), takes over orphaned sessions, rebalances. */
  private ticking = false
  /** A wake came during a pass: run another one right after it. */
  private tickAgain = false

  private async tick() {
    // One pass at a time: with Redis slow or down, passes would otherwise pile up.
    if (this.stopped) return
    if (this.ticking) {
      this.tickAgain = true
      return
    }
    this.ticking = true
    try {
      do {
        this.tickAgain = false
        await this.tickOnce()
      } while (this.tickAgain && !this.stopped)
    } finally {
      this.ticking = false
    }
  }

  private renewing = false

  /** The heartbeat and every lease of ours renewed, all at once (one round trip's worth); one pass at a time. */
  private async renewAll() {
    if (this.stopped || this.renewing) return
    this.renewing = true
    try {
      // The heartbeat first: a node that dies leaves the node set no later than its leases expire.
      await this.registry.heartbeat(this.load).catch((err: Error) => this.log.warn({ err: err.message }, 'heartbeat not written'))
      const keep = (key: string) =>
        this.leases
          .renew(key)
          .then((renewed) => renewed || this.leases.acquire(key))
          .catch(() => true)
      await Promise.all([
        ...[...this.importOrganizations].map(async ([organizationId, jobId]) => {
          if (await keep(importLeaseKey(organizationId))) return
          this.log.warn({ organizationId, jobId }, 'import lease lost: another process runs this import now; stopping ours')
          await this.importSessions.get(jobId)?.shutdown()
        }),
        // A Redis blip keeps us running; an expired lease nobody else took (a stalled event loop, or Redis
        // restarted empty) is simply taken again. Only a lease held by another process stops us.
        ...[...this.clients.keys()].map(async (organizationId) => {
          if (await keep(organizationId)) return
          this.log.warn({ organizationId }, 'lease lost: another process owns this session now')
          void this.serialize(organizationId, () => this.stopLocal(organizationId, { keepLease: true }))
        }),
      ])
    } finally {
      this.renewing = false
    }
  }

  private async tickOnce() {
    let wanted: Array<{ organizationId: string }>
    try {
      wanted = await db.whatsAppSession.findMany({ where: { wantedConnected: true }, select: { organizationId: true } })
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'could not read sessions to restore')
      return
    }
    // Wanted sessions not running here whose lease is free (orphaned, or never started) or ours (placed
    // here by another node, or ours before a crash): placed on the least-loaded node with room.
    const candidates = wanted.map((w) => w.organizationId).filter((organizationId) => !this.clients.has(organizationId))
    const holders = await this.leaseHolders(candidates)
    const woken = new Set<string>()
    // All at once: each placement is atomic in Redis (the loads it counts included), and a session's
    // start waits on the database, which must not hold the others back (a takeover of many sessions).
    const free = candidates.filter((organizationId) => {
      const holder = holders.get(organizationId)
      return holder === null || holder === this.instanceId
    })
    await Promise.all(
      free.map((organizationId) =>
        this.serialize(organizationId, async () => {
          if (this.stopped || this.clients.has(organizationId)) return
          const placed = await this.registry.claim(organizationId, this.load).catch(() => null)
          if (!placed) return
          if (placed.node === this.instanceId && this.load >= this.capacity) {
            // Placed here by another node while this one filled up: give it back to be placed again.
            await this.leases.release(organizationId).catch(() => undefined)
            woken.add('')
          } else if (placed.node === this.instanceId) {
            this.log.info({ organizationId }, 'restoring session')
            await this.startLocal(organizationId)
          } else if (placed.assigned) woken.add(placed.node)
        }),
      ),
    )
    for (const node of woken) await this.wake('', node || null)
    await this.rebalance()
  }

  /** Who holds each organization's lease (null: nobody), in one round trip; undefined entries when Redis did not answer. */
  private async leaseHolders(organizationIds: string[]): Promise<Map<string, string | null>> {
    const holders = new Map<string, string | null>()
    if (organizationIds.length === 0) return holders
    const values = await (this.options.redis ?? getRedis()).mget(organizationIds.map((id) => sessionLeaseKey(id))).catch(() => [] as Array<string | null>)
    organizationIds.forEach((id, i) => holders.set(id, values[i] ?? null))
    return holders
  }

  /**
   * Running more than its share (⌈sessions/nodes⌉) while another node with room runs less: hands a few
   * connected sessions over (session-placement.ts rebalanceCount), so a node that joins, or came back
   * from a restart, gets its share and no node holds more than ⌈sessions/N⌉ + 1 for long.
   */
  private async rebalance() {
    if (this.stopped) return
    const loads = await this.registry.loads().catch(() => [])
    const here = loads.map((l) => (l.node === this.instanceId ? { ...l, load: this.load } : l))
    const count = rebalanceCount(this.instanceId, here, this.options.rebalanceBatch ?? 5)
    if (count === 0) return
    const moving = [...this.clients.entries()]
      .filter(([, client]) => client.isConnected())
      .slice(0, count)
      .map(([organizationId]) => organizationId)
    for (const organizationId of moving) {
      if (this.stopped) return
      await this.serialize(organizationId, async () => {
        if (!this.clients.get(organizationId)?.isConnected()) return
        if (await this.moveAway(organizationId)) return
        // Nobody took it after all: run it here again (still our lease, the stored session just saved).
        if (await this.leases.acquire(organizationId).catch(() => false)) await this.startLocal(organizationId)
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
    if (command.type === 'wake') {
      if (command.from !== this.instanceId && (command.to === null || command.to === this.instanceId)) void this.tick()
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
