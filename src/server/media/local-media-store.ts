/**
 * The media store on the local filesystem (MEDIA_DIR). A file is written to `<dir>/tmp/<random>` while
 * it is hashed and counted, then renamed to `<dir>/<ab>/<cd>/<sha256>` (a rename within one filesystem
 * is atomic: a reader never sees half a file). When the same bytes are already there the new copy is
 * dropped, so a file received twice is stored once.
 */
import { randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat, unlink } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { assertMediaKey, HashingLimit, MediaNotFoundError, mediaKeyFor, type MediaRange, type MediaStore, type StoredMedia } from './media-store'

export class LocalMediaStore implements MediaStore {
  readonly kind = 'local' as const
  private readonly root: string

  constructor(directory: string) {
    this.root = resolve(directory)
  }

  private pathOf(key: string): string {
    return join(this.root, ...assertMediaKey(key).split('/'))
  }

  async put(source: Readable | AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<StoredMedia> {
    const tmpDir = join(this.root, 'tmp')
    await mkdir(tmpDir, { recursive: true })
    const tmp = join(tmpDir, randomUUID())
    const limit = new HashingLimit(options.maxBytes)
    try {
      await pipeline(source, limit, createWriteStream(tmp, { flags: 'wx' }))
      const sha256 = limit.digest()
      const key = mediaKeyFor(sha256)
      const target = this.pathOf(key)
      const existing = await stat(target).catch(() => null)
      if (existing) {
        await unlink(tmp)
      } else {
        await mkdir(join(target, '..'), { recursive: true })
        await rename(tmp, target)
      }
      return { key, sha256, size: limit.size }
    } catch (error) {
      await rm(tmp, { force: true }).catch(() => undefined)
      throw error
    }
  }

  async open(key: string, range?: MediaRange): Promise<Readable> {
    const path = this.pathOf(key)
    if (!(await stat(path).catch(() => null))) throw new MediaNotFoundError(key)
    return createReadStream(path, range ? { start: range.start, end: range.end } : {})
  }

  async stat(key: string): Promise<{ size: number } | null> {
    const info = await stat(this.pathOf(key)).catch(() => null)
    return info?.isFile() ? { size: info.size } : null
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true })
  }
}
