/**
 * whatsapp-web.js RemoteAuth on top of our SessionArchiveStore (PostgreSQL), so a restarted process or
 * a new container comes back connected without a new QR.
 *
 * Safety first: upstream RemoteAuth deletes the stored archive from `disconnect()` (any unaccepted
 * state: CONFLICT, UNPAIRED, TOS_BLOCK…) and from `logout()` (also reached from the library's
 * `framenavigated` handler, which can fire on an ambiguous reload). Losing the archive means every
 * organization re-scans a QR, so here those paths only clear the local profile and stop the backups; the
 * archive is deleted only by `forgetStoredSession()`, which our code calls after a confirmed logout.
 *
 * No rollback: upstream unpacks the stored archive on every start (RemoteAuth.js:86 → 163-190, removing
 * the local profile first at 172-180), so a relaunch after CONFLICT or a crash would lose everything the
 * profile learned since the last save. Here a non-terminal disconnect saves and keeps the local profile,
 * and a start keeps a local profile that is at least as new as the stored archive (the archive's hash is
 * the one this profile last saved). A phone-side unlink (LOGOUT, UNPAIRED) marks the archive dead instead.
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
// whatsapp-web.js is CommonJS; Node's ESM loader (tsx, vitest) only detects `Client` as a named
// export, so take everything from the default export (module.exports).
import wwebjs from 'whatsapp-web.js'
import { isTerminalDisconnect } from '../../disconnect-reasons'
import { remoteAuthSessionName } from '../../engine/session-name'
import type { SessionArchiveStore, WaDisconnectReason } from '../../engine/types'
import { processSingleton } from '../../../process-singleton'
import { mapDisconnectReason } from './mappers'
import { DatabaseStore, type RemoteAuthStore } from './database-store'
import { orgLogger, type Logger } from '../../../logger'

/** What RemoteAuth needs from the client: options, emit and (to detect re-entry) the browser. */
interface RemoteAuthClient {
  options: { puppeteer: Record<string, unknown> }
  emit(event: string, ...args: unknown[]): boolean
  pupBrowser?: { isConnected(): boolean } | null
}

/**
 * RemoteAuth as it is at runtime (1.34.7). The bundled typings declare the strategy hooks as
 * properties and omit the internals, so a subclass could neither override nor call them.
 */
interface RemoteAuthRuntime {
  client: RemoteAuthClient
  store: RemoteAuthStore
  clientId?: string
  dataPath: string
  tempDir: string
  userDataDir?: string
  sessionName?: string
  backupSync?: ReturnType<typeof setInterval>
  rmMaxRetries: number
  requiredDirs: string[]
  setup(client: RemoteAuthClient): void
  beforeBrowserInitialized(): Promise<void>
  afterAuthReady(): Promise<void>
  disconnect(): Promise<void>
  logout(): Promise<void>
  destroy(): Promise<void>
  storeRemoteSession(options?: { emit?: boolean }): Promise<void>
  extractRemoteSession(): Promise<void>
  deleteRemoteSession(): Promise<void>
  /** Zips `<userDataDir>/Default/{Default,IndexedDB,Local Storage}` to `<dataPath>/<sessionName>.zip`. */
  compressSession(): Promise<string>
  unCompressSession(compressedSessionPath: string): Promise<void>
  copyByRequiredDirs(from: string, to: string): Promise<void>
}

type RemoteAuthConstructor = new (options: {
  store: RemoteAuthStore
  clientId?: string
  dataPath?: string
  backupSyncIntervalMs: number
  rmMaxRetries?: number
}) => RemoteAuthRuntime

const RemoteAuthBase = wwebjs.RemoteAuth as unknown as RemoteAuthConstructor

// The zip libraries RemoteAuth itself uses (whatsapp-web.js optional dependencies; no typings shipped).
const requireCjs = createRequire(import.meta.url)
interface ZipArchive {
  pipe(destination: NodeJS.WritableStream): void
  directory(dirPath: string, destPath: false, data: { date: Date }): void
  finalize(): Promise<void>
  once(event: 'error', listener: (err: Error) => void): void
}
const archiver = requireCjs('archiver') as (format: 'zip') => ZipArchive
const unzipper = requireCjs('unzipper') as {
  Extract(options: { path: string; concurrency?: number }): NodeJS.WritableStream & { promise(): Promise<void> }
}

/** One date for every zip entry: file times then do not change the bytes, so the store can skip writes. */
const ARCHIVE_ENTRY_DATE = new Date(2020, 0, 1)

/** Inside the profile folder (outside the zipped `Default/…` dirs): the hash of the archive it last saved. */
const PROFILE_MARKER = 'soul-profile.json'

/** Reasons after which the stored archive is dead: the phone unlinked this device. */
const DEAD_REASONS: ReadonlySet<WaDisconnectReason> = new Set(['LOGOUT', 'UNPAIRED'])

/**
 * Every change to one profile folder (unpack, keep, remove, mark dead) runs one at a time in this
 * process, whichever DatabaseAuth asks: the library's LOGOUT handler of an old client (Client.js:495-502)
 * and a quick reconnect's new client share the folder.
 */
const profileLocks = processSingleton('webjs-profile-locks', () => new Map<string, Promise<unknown>>())

function withProfileLock<T>(profilePath: string, fn: () => Promise<T>): Promise<T> {
  const previous = profileLocks.get(profilePath) ?? Promise.resolve()
  const next = previous.catch(() => undefined).then(fn)
  const tail = next.catch(() => undefined)
  profileLocks.set(profilePath, tail)
  void tail.then(() => {
    if (profileLocks.get(profilePath) === tail) profileLocks.delete(profilePath)
  })
  return next
}

export const BACKUP_SYNC_INTERVAL_MS = 15 * 60 * 1000
/** RemoteAuth's own wait before the first save, so the fresh session is stable enough to restore. */
export const INITIAL_SYNC_DELAY_MS = 60 * 1000

export interface DatabaseAuthOptions {
  organizationId: string
  clientId: string
  dataPath: string
  store: SessionArchiveStore
  backupSyncIntervalMs?: number
  /** Delay of the first save after `ready` (tests shorten it). */
  initialSyncDelayMs?: number
  logger?: Logger
}

export class DatabaseAuth extends RemoteAuthBase {
  readonly databaseStore: DatabaseStore
  private readonly log: Logger
  private readonly initialSyncDelayMs: number
  private readonly intervalMs: number
  private readonly defaultSessionName: string
  private initialSync?: ReturnType<typeof setTimeout>
  /** Set once the client is authenticated: before that the profile holds no session worth storing. */
  private authReady = false
  /** Saves share one temp folder and one zip path, so they run one at a time. */
  private saveChain: Promise<unknown> = Promise.resolve()
  /** The state WhatsApp Web reported last (`change_state`, Client.js:822, emitted before `disconnect()` at 851). */
  private lastState: string | null = null
  /** Logged out: this (single-use) client's strategy never prepares a profile again. */
  private retired = false

  constructor(options: DatabaseAuthOptions) {
    const log = options.logger ?? orgLogger(options.organizationId, { component: 'webjs-auth', clientId: options.clientId })
    const dataPath = path.resolve(options.dataPath)
    const databaseStore = new DatabaseStore(options.store, dataPath, log)
    const intervalMs = options.backupSyncIntervalMs ?? BACKUP_SYNC_INTERVAL_MS
    super({ clientId: options.clientId, dataPath, store: databaseStore, backupSyncIntervalMs: intervalMs })
    this.databaseStore = databaseStore
    this.log = log
    this.intervalMs = intervalMs
    this.defaultSessionName = remoteAuthSessionName(options.clientId)
    this.initialSyncDelayMs = options.initialSyncDelayMs ?? INITIAL_SYNC_DELAY_MS
  }

  /** The archive's key; RemoteAuth only sets `sessionName` when the browser starts. */
  get storedSessionName(): string {
    return this.sessionName ?? this.defaultSessionName
  }

  get profilePath(): string {
    return this.userDataDir ?? path.join(this.dataPath, this.storedSessionName)
  }

  override async beforeBrowserInitialized(): Promise<void> {
    if (this.retired) {
      // Re-entry from the library's LOGOUT handler (Client.js:499) after the engine closed the browser:
      // a new client may already run on this folder, so leave it alone.
      this.log.debug('profile preparation skipped: this client logged out')
      return
    }
    if (this.client?.pupBrowser?.isConnected()) {
      // Re-entry from the library's logout handler while Chromium still runs on this profile: never
      // unpack an archive under a running browser; continue on an empty profile (a new QR).
      await withProfileLock(this.profilePath, () => mkdir(this.profilePath, { recursive: true }))
      return
    }
    await withProfileLock(this.profilePath, async () => {
      if (await this.localProfileIsCurrent()) {
        // What upstream sets before unpacking (RemoteAuth.js:83-91), without replacing the profile.
        this.userDataDir = this.profilePath
        this.sessionName = this.storedSessionName
        this.client.options.puppeteer = { ...this.client.options.puppeteer, userDataDir: this.profilePath }
        this.log.info('local WhatsApp profile kept: it is at least as new as the stored archive')
        return
      }
      await super.beforeBrowserInitialized()
    })
  }

  /**
   * The engine reports WhatsApp Web's state (`change_state`) here: the library calls `disconnect()` right
   * after with no argument (Client.js:822 then 851), so this is how it knows why.
   */
  noteState(state: string): void {
    this.lastState = state
  }

  /**
   * True when the local profile last saved exactly the archive that is stored now: the profile has only
   * moved on since, so it is newer (or the same). Any other stored archive (saved by another process
   * after a takeover), a dead or missing one, or no marker: unpack as upstream does.
   */
  private async localProfileIsCurrent(): Promise<boolean> {
    const marker = await readFile(path.join(this.profilePath, PROFILE_MARKER), 'utf8').catch(() => null)
    if (!marker) return false
    let savedHash: unknown
    try {
      savedHash = (JSON.parse(marker) as { hash?: unknown }).hash
    } catch {
      return false
    }
    const stored = await this.databaseStore.info(this.storedSessionName).catch(() => null)
    const defaultDirExists = await access(path.join(this.profilePath, 'Default'))
      .then(() => true)
      .catch(() => false)
    return Boolean(stored && defaultDirExists && stored.hash === savedHash)
  }

  /**
   * Replaces upstream's, which resolves on the extractor's 'finish' (input consumed) rather than
   * 'close' (files written), so Chromium could start on a half-restored profile. A corrupt archive must
   * not block every start either: continue with an empty profile (a new QR) and keep the archive.
   */
  override async unCompressSession(compressedSessionPath: string): Promise<void> {
    try {
      const extractor = unzipper.Extract({ path: this.profilePath, concurrency: 10 })
      const written = extractor.promise()
      createReadStream(compressedSessionPath)
        .on('error', (err) => extractor.emit('error', err))
        .pipe(extractor)
      await written
    } catch (err) {
      this.log.error({ err }, 'stored session archive could not be unpacked; starting with an empty profile (archive kept)')
      await this.removeLocalProfile()
      await mkdir(this.profilePath, { recursive: true })
    } finally {
      await rm(compressedSessionPath, { force: true })
    }
  }

  /**
   * Upstream's layout (`Default/{Default,IndexedDB,Local Storage}` staged in the temp folder, zipped to
   * `<dataPath>/<session>.zip`), with fixed entry dates: upstream's copy stamps every file with the
   * current time, so an unchanged profile produced new bytes and a database write every hour.
   */
  override async compressSession(): Promise<string> {
    const stage = path.join(this.tempDir, 'Default')
    await rm(this.tempDir, { recursive: true, force: true })
    await mkdir(stage, { recursive: true })
    await this.copyByRequiredDirs(path.join(this.profilePath, 'Default'), stage)
    const outPath = this.databaseStore.zipPath(this.storedSessionName)
    const archive = archiver('zip')
    const out = createWriteStream(outPath)
    await new Promise<void>((resolve, reject) => {
      out.once('close', resolve)
      out.once('error', reject)
      archive.once('error', reject)
      archive.pipe(out)
      archive.directory(this.tempDir, false, { date: ARCHIVE_ENTRY_DATE })
      archive.finalize().catch(reject)
    })
    return outPath
  }

  /**
   * Replaces upstream's: it is called without await (a rejection would be unhandled), saved at once only
   * when nothing was stored (a fresh pairing over a stale archive waited an hour), and its timer callback
   * could reject unhandled too.
   */
  override async afterAuthReady(): Promise<void> {
    this.stopBackups()
    this.authReady = true
    this.initialSync = setTimeout(() => void this.backup('initial', true), this.initialSyncDelayMs).unref()
    this.backupSync = setInterval(() => void this.backup('periodic', false), this.intervalMs).unref()
  }

  override storeRemoteSession(options?: { emit?: boolean }): Promise<void> {
    const run = this.saveChain.then(async () => {
      this.databaseStore.lastSavedHash = null
      await super.storeRemoteSession(options)
      // Remember which archive this profile produced (written or unchanged): see localProfileIsCurrent.
      const hash = this.databaseStore.lastSavedHash
      if (hash) await writeFile(path.join(this.profilePath, PROFILE_MARKER), JSON.stringify({ hash })).catch(() => undefined)
    })
    this.saveChain = run.catch(() => undefined)
    return run
  }

  /** Stores the current profile now (after authentication only). Returns whether a save ran. */
  async syncNow(): Promise<boolean> {
    if (!this.authReady) {
      this.log.debug('session sync skipped: not authenticated')
      return false
    }
    await this.storeRemoteSession({ emit: true })
    return true
  }

  /**
   * Library path on any unaccepted state (CONFLICT, UNPAIRED, TOS_BLOCK…; Client.js:844-851), called while
   * Chromium still runs. Never deletes the archive. A non-terminal reason (CONFLICT…) saves the profile
   * now and keeps it, so the relaunch continues from it; a phone-side unlink marks the archive dead; any
   * other terminal reason clears the local profile as before.
   */
  override async disconnect(): Promise<void> {
    this.refused('disconnect')
    const reason = mapDisconnectReason(this.lastState)
    if (!isTerminalDisconnect(reason)) {
      const wasReady = this.authReady
      this.authReady = false
      this.stopBackups()
      if (wasReady) {
        await this.storeRemoteSession().catch((err: unknown) => this.log.error({ err, reason }, 'profile not saved before relaunching (kept locally)'))
      }
      this.log.info({ reason }, 'local WhatsApp profile kept for the relaunch')
      return
    }
    if (DEAD_REASONS.has(reason)) await this.markStoredSessionDead(reason)
    await this.dropLocalState()
  }

  /**
   * Library path from `client.logout()` (Client.js:1289-1303) and the `framenavigated` LOGOUT handler
   * (Client.js:495-502, which then calls beforeBrowserInitialized again): the phone no longer knows this
   * device, so the archive is marked dead (kept, never unpacked again). Queued on the profile lock at
   * once, so a reconnect that starts meanwhile unpacks nothing.
   */
  override async logout(): Promise<void> {
    this.refused('logout')
    this.authReady = false
    this.retired = true
    this.stopBackups()
    await withProfileLock(this.profilePath, async () => {
      await this.markDeadNow('LOGOUT')
      await this.removeLocalProfile()
    })
  }

  /** The phone unlinked this device: the stored archive will not be unpacked again (the next start shows a QR). */
  async markStoredSessionDead(reason: WaDisconnectReason = 'LOGOUT'): Promise<void> {
    await withProfileLock(this.profilePath, () => this.markDeadNow(reason))
  }

  private async markDeadNow(reason: WaDisconnectReason): Promise<void> {
    await this.databaseStore
      .markDead(this.storedSessionName)
      .catch((err: unknown) => this.log.error({ err, reason }, 'stored archive could not be marked dead'))
  }

  override async deleteRemoteSession(): Promise<void> {
    this.refused('deleteRemoteSession')
  }

  override async destroy(): Promise<void> {
    this.authReady = false
    this.stopBackups()
  }

  /** Deletes the stored archive and the local profile. Call only after a confirmed logout. */
  async forgetStoredSession(): Promise<void> {
    await this.dropLocalState()
    await this.databaseStore.forget(this.storedSessionName)
    this.log.info('stored session forgotten after logout')
  }

  private async dropLocalState(): Promise<void> {
    this.authReady = false
    this.stopBackups()
    await withProfileLock(this.profilePath, () => this.removeLocalProfile())
  }

  private async removeLocalProfile(): Promise<void> {
    await rm(this.profilePath, { recursive: true, force: true, maxRetries: this.rmMaxRetries }).catch((err: unknown) => {
      this.log.warn({ err }, 'local WhatsApp profile could not be removed')
    })
  }

  private stopBackups(): void {
    clearTimeout(this.initialSync)
    clearInterval(this.backupSync)
    this.initialSync = undefined
    this.backupSync = undefined
  }

  private async backup(kind: 'initial' | 'periodic', emit: boolean): Promise<void> {
    try {
      await this.storeRemoteSession({ emit })
    } catch (err) {
      this.log.error({ err, kind }, 'session backup failed')
    }
  }

  private refused(libraryPath: string): void {
    this.log.warn({ path: libraryPath }, 'library asked to delete the stored session archive; refused (kept)')
  }
}
