/**
 * The media store's two implementations behave the same: content-addressed keys, one copy of the same
 * bytes, the byte cap (nothing kept past it), ranges, delete, and keys from outside refused. The S3 one
 * runs against a local S3-compatible server the test starts (s3rver).
 */
import { createHash, randomBytes } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalS3, type LocalS3 } from '../testing/s3-server'
import { LocalMediaStore } from './local-media-store'
import { MediaNotFoundError, MediaTooLargeError, type MediaStore } from './media-store'
import { S3MediaStore } from './s3-media-store'

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array))
  return Buffer.concat(chunks)
}

/** A stream of `size` random bytes in small chunks, like a download. */
function chunked(data: Buffer, chunk = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += chunk) yield data.subarray(i, i + chunk)
    })(),
  )
}

let localDir: string
let s3: LocalS3
const stores: Array<[string, () => MediaStore]> = []
let local: LocalMediaStore
let remote: S3MediaStore

beforeAll(async () => {
  localDir = await mkdtemp(join(tmpdir(), 'soul-media-store-'))
  local = new LocalMediaStore(localDir)
  s3 = await startLocalS3()
  remote = new S3MediaStore({ ...s3, region: 'us-east-1', forcePathStyle: true })
})
afterAll(async () => {
  remote?.destroy()
  await s3?.stop()
  await rm(localDir, { recursive: true, force: true })
})
stores.push(['local filesystem', () => local], ['S3 (local s3rver)', () => remote])

describe.each(stores)('media store: %s', (_name, store) => {
  it('stores under the content hash, reads back whole and by range, and deletes', async () => {
    const data = randomBytes(300_000)
    const sha256 = createHash('sha256').update(data).digest('hex')
    const stored = await store().put(chunked(data), { maxBytes: 1_000_000 })
    expect(stored).toEqual({ key: `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`, sha256, size: data.length })
    expect(await store().stat(stored.key)).toEqual({ size: data.length })
    expect((await bytesOf(await store().open(stored.key))).equals(data)).toBe(true)
    const part = await bytesOf(await store().open(stored.key, { start: 1000, end: 1999 }))
    expect(part.equals(data.subarray(1000, 2000))).toBe(true)
    await store().delete(stored.key)
    expect(await store().stat(stored.key)).toBeNull()
    await expect(store().open(stored.key)).rejects.toBeInstanceOf(MediaNotFoundError)
  })

  it('stores the same bytes once', async () => {
    const data = randomBytes(10_000)
    const first = await store().put(chunked(data), { maxBytes: 20_000 })
    const second = await store().put(Readable.from([data]), { maxBytes: 20_000 })
    expect(second.key).toBe(first.key)
    expect((await bytesOf(await store().open(first.key))).equals(data)).toBe(true)
    await store().delete(first.key)
  })

  it('refuses a file over the cap and keeps nothing of it', async () => {
    const data = randomBytes(50_001)
    const sha256 = createHash('sha256').update(data).digest('hex')
    await expect(store().put(chunked(data, 1000), { maxBytes: 50_000 })).rejects.toBeInstanceOf(MediaTooLargeError)
    expect(await store().stat(`${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`)).toBeNull()
    // Exactly at the cap is fine.
    const atCap = await store().put(chunked(data.subarray(0, 50_000)), { maxBytes: 50_000 })
    expect(atCap.size).toBe(50_000)
    await store().delete(atCap.key)
  })

  it('refuses keys it did not make (no path from outside)', async () => {
    for (const key of ['../../etc/passwd', '/etc/passwd', 'ab/cd/../../x', `aa/bb/${'c'.repeat(64)}`, 'AB/CD/' + 'ab'.repeat(32)]) {
      await expect(store().open(key)).rejects.toThrow('invalid media key')
    }
  })
})

describe('local media store', () => {
  it('leaves no temporary file behind, after a success or a refused file', async () => {
    await local.put(Readable.from([Buffer.from('hello')]), { maxBytes: 100 }).then((s) => local.delete(s.key))
    await expect(local.put(Readable.from([randomBytes(200)]), { maxBytes: 100 })).rejects.toBeInstanceOf(MediaTooLargeError)
    expect(await readdir(join(localDir, 'tmp'))).toEqual([])
  })

  it('reads a stored text back', async () => {
    const stored = await local.put(Readable.from([Buffer.from('салам')]), { maxBytes: 100 })
    expect(await text(await local.open(stored.key))).toBe('салам')
  })
})
