/**
 * An organization's IMPORT session (`import-<org>`: its own client id, data path and stored session, so
 * the live integration keeps running untouched). The session manager creates and owns it; the history
 * import only sees this handle: its QR, whether it became ready, and the reads it needs.
 */
import type { Logger } from '../logger'
import type { WaChatSummary, WaContact, WaEngine, WaRawMessage } from './engine/types'

export type ImportReadiness = { ok: true } | { ok: false; reason: string }

export interface ImportSessionHandlers {
  /** A QR to show (it rotates until scanned or expired). */
  onQr(qr: string): void
  /**
   * The process is shutting down: stop using the session (the manager closes it right after). Lets
   * the import record a clean cancel instead of failing chat after chat on a closed session.
   */
  onShutdown?(): Promise<void>
}

export class ImportSession {
  /** Resolves once the session is ready, or with why it will not be (disconnect reason, AUTH_FAILED). */
  readonly ready: Promise<ImportReadiness>
  private closing: Promise<void> | null = null

  constructor(
    private readonly engine: WaEngine,
    private readonly handlers: ImportSessionHandlers,
    private readonly log: Logger,
    private readonly onClosed: () => void,
  ) {
    this.ready = new Promise((resolve) => {
      engine.on('qr', (qr) => handlers.onQr(qr))
      engine.once('ready', () => resolve({ ok: true }))
      engine.once('disconnected', (reason) => resolve({ ok: false, reason }))
      engine.once('auth_failure', () => resolve({ ok: false, reason: 'AUTH_FAILED' }))
    })
  }

  /** Whether this engine can read chats and their messages at all. */
  get canReadHistory(): boolean {
    return this.engine.capabilities.history && !!this.engine.getChats && !!this.engine.fetchMessages
  }

  /** Starts the browser session (QR or restored); rejects with an EngineError when it cannot start. */
  initialize(): Promise<void> {
    return this.engine.initialize()
  }

  /** The account's chats (engines with capabilities.history; an empty list otherwise). */
  async getChats(): Promise<WaChatSummary[]> {
    return (await this.engine.getChats?.()) ?? []
  }

  /** Up to `limit` of a chat's latest messages, as WhatsApp Web has them loaded. */
  async fetchMessages(chatId: string, limit: number): Promise<WaRawMessage[]> {
    return (await this.engine.fetchMessages?.(chatId, limit)) ?? []
  }

  /** A contact's details (null where the engine has no contacts). */
  async getContact(chatId: string): Promise<WaContact | null> {
    return this.engine.capabilities.contacts ? this.engine.getContact(chatId) : null
  }

  /** Syncs and closes the session, keeping the stored session for the next import. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.engine.syncSession().catch((err: Error) => this.log.warn({ err: err.message }, 'import session sync failed'))
      await this.engine.destroy().catch((err: Error) => this.log.warn({ err: err.message }, 'import session destroy failed'))
      this.engine.removeAllListeners()
      this.onClosed()
    })()
    return this.closing
  }

  /** Shutdown: lets the owner stop first, then closes. */
  async shutdown(): Promise<void> {
    await this.handlers.onShutdown?.().catch((err: Error) => this.log.warn({ err: err.message }, 'import did not stop cleanly'))
    await this.close()
  }
}
