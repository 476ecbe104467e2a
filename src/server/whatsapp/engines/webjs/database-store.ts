/** RemoteAuth's store interface on our SessionArchiveStore (PostgreSQL in production). */
import { createHash } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Logger } from '../../../logger'
import type { SessionArchiveStore } from '../../engine/types'

/** The store interface RemoteAuth calls (whatsapp-web.js `Store`). */
export interface RemoteAuthStore {
  sessionExists(options: { session: string }): Promise<boolean>
  save(options: { session: string }): Promise<unknown>
  extract(options: { session: string; path: string }): Promise<unknown>
  delete(options: { session: string }): Promise<unknown>
}

/**
 * RemoteAuth's store on our SessionArchiveStore. RemoteAuth writes the zip to `<dataPath>/<session>.zip`
 * and then calls `save({ session })` with the name only, so save reads that file; the raw bytes are
 * stored (not base64). `delete` refuses: only `forget()` removes the archive.
 */
export class DatabaseStore implements RemoteAuthStore {
  /** The hash of the archive the last `save` handed over (stored or unchanged). */
  lastSavedHash: string | null = null

  constructor(
    private readonly archives: SessionArchiveStore,
    /** Absolute; the same folder RemoteAuth uses (it resolves its `dataPath`). */
    readonly dataPath: string,
    private readonly log: Logger,
  ) {}

  zipPath(session: string): string {
    return path.join(this.dataPath, `${session}.zip`)
  }

  async sessionExists({ session }: { session: string }): Promise<boolean> {
    return this.archives.exists(session)
  }

  /** Returns whether anything was written (false when the archive is unchanged). */
  async save({ session }: { session: string }): Promise<boolean> {
    const archive = await readFile(this.zipPath(session))
    const written = await this.archives.save(session, archive)
    this.lastSavedHash = createHash('sha256').update(archive).digest('hex')
    this.log.info({ size: archive.length, written }, written ? 'session archive stored' : 'session archive unchanged')
    return written
  }

  async extract({ session, path: target }: { session: string; path: string }): Promise<void> {
    const archive = await this.archives.load(session)
    if (!archive) throw new Error(`no stored session archive for ${session}`)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, archive)
    this.log.info({ size: archive.length }, 'session archive extracted')
  }

  async delete({ session }: { session: string }): Promise<void> {
    this.log.warn({ session, path: 'store.delete' }, 'library asked to delete the stored session archive; refused (kept)')
  }

  /** The stored archive's hash and size (null when none or dead). */
  info(session: string): Promise<{ hash: string; size: number } | null> {
    return this.archives.info(session)
  }

  /** The phone unlinked this device: never unpack this archive again. */
  async markDead(session: string): Promise<void> {
    await this.archives.markDead(session)
  }

  /** Deletes the stored archive. Only for a confirmed logout. */
  async forget(session: string): Promise<void> {
    await this.archives.remove(session)
  }
}
