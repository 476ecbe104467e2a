/**
 * The stored WhatsApp auth state, in PostgreSQL (WhatsAppSession.sessionData, raw bytes), so a new
 * container or a restarted process comes back connected without a new QR. Writes are skipped when the
 * archive's hash has not changed.
 */
import { createHash } from 'node:crypto'
import { db } from '../db'
import { logger } from '../logger'
import { sessionSizeWarnBytes, setSessionStatus } from './session-status'
import type { SessionArchiveStore } from './engine/types'

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Where an archive lives: the live session's row, or the import session's own row. */
function archiveTable(mode: 'integration' | 'import') {
  // Both models have the same archive columns and a unique organizationId.
  return (mode === 'import' ? db.whatsAppImportSession : db.whatsAppSession) as unknown as typeof db.whatsAppImportSession
}

/**
 * The archive store of an organization's session: the live integration's (WhatsAppSession) or the
 * history import's (WhatsAppImportSession), never shared.
 */
export function createDatabaseArchiveStore(organizationId: string, mode: 'integration' | 'import' = 'integration'): SessionArchiveStore {
  const log = logger.child({ organizationId, component: 'session-store', mode })
  const table = () => archiveTable(mode)
  return {
    async exists() {
      const row = await table().findUnique({ where: { organizationId }, select: { sessionDataSize: true, sessionDeadAt: true } })
      return Boolean(row?.sessionDataSize) && !row?.sessionDeadAt
    },
    async save(_sessionName, archive) {
      const hash = sha256(archive)
      const row = await table().findUnique({ where: { organizationId }, select: { sessionDataHash: true, sessionDeadAt: true } })
      if (row?.sessionDataHash === hash && !row.sessionDeadAt) {
        log.debug({ size: archive.length }, 'session archive unchanged; write skipped')
        return false
      }
      const data = {
        sessionData: new Uint8Array(archive),
        sessionDataHash: hash,
        sessionDataSize: archive.length,
        sessionSavedAt: new Date(),
        sessionDeadAt: null,
      }
      await table().upsert({ where: { organizationId }, update: data, create: { organizationId, ...data } })
      log.info({ size: archive.length }, 'session archive saved')
      const limit = sessionSizeWarnBytes()
      if (archive.length > limit) {
        log.warn({ size: archive.length, limit }, 'stored WhatsApp profile is larger than WHATSAPP_SESSION_SIZE_WARN_MB')
        // The status card shows the warning: publish the view with the new size (live session only).
        if (mode === 'integration') await setSessionStatus(organizationId, {}).catch(() => undefined)
      }
      return true
    },
    async load() {
      const row = await table().findUnique({ where: { organizationId }, select: { sessionData: true, sessionDeadAt: true } })
      return row?.sessionData && !row.sessionDeadAt ? Buffer.from(row.sessionData) : null
    },
    async info() {
      const row = await table().findUnique({ where: { organizationId }, select: { sessionDataHash: true, sessionDataSize: true, sessionDeadAt: true } })
      return row?.sessionDataHash && row.sessionDataSize && !row.sessionDeadAt ? { hash: row.sessionDataHash, size: row.sessionDataSize } : null
    },
    async markDead() {
      await table().updateMany({ where: { organizationId, sessionDeadAt: null }, data: { sessionDeadAt: new Date() } })
      log.warn('session archive marked dead (unlinked on the phone): it will not be unpacked again')
    },
    async remove() {
      await table().updateMany({
        where: { organizationId },
        data: { sessionData: null, sessionDataHash: null, sessionDataSize: null, sessionSavedAt: null, sessionDeadAt: null },
      })
      log.info('session archive deleted')
    },
  }
}

/** An in-memory store (unit tests). */
export function createMemoryArchiveStore(): SessionArchiveStore & { writes: number; data: Map<string, Buffer>; dead: Set<string> } {
  const data = new Map<string, Buffer>()
  const dead = new Set<string>()
  const store = {
    writes: 0,
    data,
    dead,
    async exists(name: string) {
      return data.has(name) && !dead.has(name)
    },
    async save(name: string, archive: Buffer) {
      const current = data.get(name)
      if (current && !dead.has(name) && sha256(current) === sha256(archive)) return false
      dead.delete(name)
      data.set(name, Buffer.from(archive))
      store.writes += 1
      return true
    },
    async load(name: string) {
      return dead.has(name) ? null : (data.get(name) ?? null)
    },
    async remove(name: string) {
      data.delete(name)
      dead.delete(name)
    },
    async info(name: string) {
      const current = data.get(name)
      return current && !dead.has(name) ? { hash: sha256(current), size: current.length } : null
    },
    async markDead(name: string) {
      if (data.has(name)) dead.add(name)
    },
  }
  return store
}
