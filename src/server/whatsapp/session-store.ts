/**
 * The stored WhatsApp auth state, in PostgreSQL (WhatsAppSession.sessionData, raw bytes), so a new
 * container or a restarted process comes back connected without a new QR. Writes are skipped when the
 * archive's hash has not changed.
 */
import { createHash } from 'node:crypto'
import { db } from '../db'
import { logger } from '../logger'
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
      const row = await table().findUnique({ where: { organizationId }, select: { sessionDataSize: true } })
      return Boolean(row?.sessionDataSize)
    },
    async save(_sessionName, archive) {
      const hash = sha256(archive)
      const row = await table().findUnique({ where: { organizationId }, select: { sessionDataHash: true } })
      if (row?.sessionDataHash === hash) {
        log.debug({ size: archive.length }, 'session archive unchanged; write skipped')
        return false
      }
      const data = {
        sessionData: new Uint8Array(archive),
        sessionDataHash: hash,
        sessionDataSize: archive.length,
        sessionSavedAt: new Date(),
      }
      await table().upsert({ where: { organizationId }, update: data, create: { organizationId, ...data } })
      log.info({ size: archive.length }, 'session archive saved')
      return true
    },
    async load() {
      const row = await table().findUnique({ where: { organizationId }, select: { sessionData: true } })
      return row?.sessionData ? Buffer.from(row.sessionData) : null
    },
    async remove() {
      await table().updateMany({
        where: { organizationId },
        data: { sessionData: null, sessionDataHash: null, sessionDataSize: null, sessionSavedAt: null },
      })
      log.info('session archive deleted')
    },
  }
}

/** An in-memory store (unit tests). */
export function createMemoryArchiveStore(): SessionArchiveStore & { writes: number; data: Map<string, Buffer> } {
  const data = new Map<string, Buffer>()
  const store = {
    writes: 0,
    data,
    async exists(name: string) {
      return data.has(name)
    },
    async save(name: string, archive: Buffer) {
      const current = data.get(name)
      if (current && sha256(current) === sha256(archive)) return false
      data.set(name, Buffer.from(archive))
      store.writes += 1
      return true
    },
    async load(name: string) {
      return data.get(name) ?? null
    },
    async remove(name: string) {
      data.delete(name)
    },
  }
  return store
}
