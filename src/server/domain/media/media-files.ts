/**
 * MediaFile rows: one per organization and content (sha256). The store's object is content-addressed
 * and may be shared by organizations; it is deleted only when no MediaFile of any organization names it.
 */
import { db } from '../../db'
import { getMediaStore, type StoredMedia } from '../../media'
import { logger } from '../../logger'

/** The organization's row for these bytes (created once; a second message with the same bytes shares it). */
export async function recordMediaFile(organizationId: string, stored: StoredMedia, contentType: string): Promise<{ id: string }> {
  return db.mediaFile.upsert({
    where: { organizationId_sha256: { organizationId, sha256: stored.sha256 } },
    update: {},
    create: { organizationId, sha256: stored.sha256, size: stored.size, contentType, storageKey: stored.key },
    select: { id: true },
  })
}

/**
 * Deletes the given MediaFile rows of an organization that no message references any more, and their
 * stored objects unless another row (another organization's) still uses the same key. Returns how many
 * rows went. Call after the messages are gone.
 */
export async function deleteUnreferencedMediaFiles(organizationId: string, fileIds: string[]): Promise<number> {
  if (!fileIds.length) return 0
  const orphans = await db.mediaFile.findMany({
    where: { organizationId, id: { in: fileIds }, messages: { none: {} } },
    select: { id: true, storageKey: true },
  })
  if (!orphans.length) return 0
  await db.mediaFile.deleteMany({ where: { organizationId, id: { in: orphans.map((o) => o.id) }, messages: { none: {} } } })
  const keys = [...new Set(orphans.map((o) => o.storageKey))]
  const stillUsed = new Set((await db.mediaFile.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true } })).map((r) => r.storageKey))
  for (const key of keys) {
    if (stillUsed.has(key)) continue
    await getMediaStore()
      .delete(key)
      .catch((err: Error) => logger.warn({ organizationId, err: err.message }, 'stored media file not deleted'))
  }
  return orphans.length
}
