/**
 * readExportFile against hostile archives: a zip bomb is refused with bounded memory whatever its
 * header claims, and an honest WhatsApp .zip still reads.
 */
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { memoryOf, resetPeak } from '../../testing/process-memory'
import { zipBomb } from '../../testing/zip-bomb'
import { MAX_MEDIA_TOTAL_BYTES, MAX_TEXT_BYTES, readExportFile, readZipMedia } from './export-file'

const MB = 1024 * 1024
// archiver ships no types: the little of it these tests use.
type Archive = NodeJS.ReadableStream & { append(data: string | Buffer, options: { name: string }): void; finalize(): Promise<void> }
const archiver = createRequire(import.meta.url)('archiver') as (format: 'zip') => Archive

async function zipOf(files: Record<string, string | Buffer>): Promise<Buffer> {
  const archive = archiver('zip')
  const chunks: Buffer[] = []
  archive.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    archive.once('end', resolve)
    archive.once('error', reject)
  })
  for (const [name, text] of Object.entries(files)) archive.append(text, { name })
  await archive.finalize()
  await done
  return Buffer.concat(chunks)
}

/** Peak resident growth while `read` runs (VmHWM reset first), and its rejection. */
async function peakGrowth(read: () => Promise<unknown>) {
  const before = memoryOf().rss
  resetPeak()
  const error = await read().then(
    () => null,
    (err: unknown) => err,
  )
  return { growth: memoryOf().peak - before, error }
}

describe('readExportFile', () => {
  it('reads the chat out of a WhatsApp .zip (the _chat.txt, not the media)', async () => {
    const zip = await zipOf({ 'IMG-0001.jpg': 'binary', '_chat.txt': '\ufeff[14.03.26, 20:02:00] Эрмек: Здравствуйте' })
    await expect(readExportFile('WhatsApp Chat - Эрмек.zip', zip.toString('base64'))).resolves.toBe('[14.03.26, 20:02:00] Эрмек: Здравствуйте')
  })

  it('refuses a 1 MB zip that claims 100 bytes and inflates to 1 GB, with memory growth far under 100 MB', async () => {
    const bomb = await zipBomb({ inflatedBytes: 1024 * MB, claimedBytes: 100 })
    expect(bomb.length).toBeLessThan(1.1 * MB)
    const { growth, error } = await peakGrowth(() => readExportFile('chat.zip', bomb.toString('base64')))
    expect(error).toMatchObject({ messageKey: 'exportTooLarge' })
    expect(growth).toBeLessThan(100 * MB)
  }, 30_000)

  it('stops inflating at 20 MB of text when the header claims just under the cap', async () => {
    const bomb = await zipBomb({ inflatedBytes: 1024 * MB, claimedBytes: MAX_TEXT_BYTES - 1 })
    const { growth, error } = await peakGrowth(() => readExportFile('chat.zip', bomb.toString('base64')))
    expect(error).toMatchObject({ messageKey: 'exportTooLarge', params: { maxMb: 20 } })
    expect(growth).toBeLessThan(100 * MB)
  }, 30_000)

  it('refuses an honest header over the cap without inflating, and a zip that is not one', async () => {
    const bomb = await zipBomb({ inflatedBytes: 30 * MB, claimedBytes: 30 * MB })
    await expect(readExportFile('chat.zip', bomb.toString('base64'))).rejects.toMatchObject({ messageKey: 'exportTooLarge' })
    await expect(readExportFile('chat.zip', Buffer.from('PK not really').toString('base64'))).rejects.toMatchObject({ messageKey: 'exportNotZip' })
    await expect(readExportFile('chat.zip', (await zipOf({ 'photo.jpg': 'x' })).toString('base64'))).rejects.toMatchObject({ messageKey: 'exportNoChatInZip' })
  })
})

/** What readZipMedia handed over: each file's name and byte count (the bytes are counted, not kept). */
async function drain(zip: Buffer, wanted: string[], perFileCap: number) {
  const taken: Array<[string, number]> = []
  const result = await readZipMedia(zip, new Set(wanted), perFileCap, async (name, chunks) => {
    let bytes = 0
    for await (const chunk of chunks) bytes += chunk.length
    taken.push([name, bytes])
  })
  return { taken, result }
}

describe('readZipMedia (export media, issue 14)', () => {
  it('hands over the named entries (in any folder), and says which are missing', async () => {
    const zip = await zipOf({ '_chat.txt': 'chat', 'media/IMG-0001.jpg': 'photo bytes', 'IMG-0002.jpg': 'not named' })
    const { taken, result } = await drain(zip, ['IMG-0001.jpg', 'IMG-0404.jpg'], MB)
    expect(taken).toEqual([['IMG-0001.jpg', 'photo bytes'.length]])
    expect(result).toEqual({ attached: 1, skipped: [{ name: 'IMG-0404.jpg', reason: 'notInZip' }] })
  })

  it('stops a media entry that claims 100 bytes and inflates to 1 GB at the per-file cap, with memory growth far under 100 MB', async () => {
    const bomb = await zipBomb({ inflatedBytes: 1024 * MB, claimedBytes: 100, name: 'IMG-0001.jpg' })
    let handed = 0
    const before = memoryOf().rss
    resetPeak()
    const result = await readZipMedia(bomb, new Set(['IMG-0001.jpg']), 16 * MB, async (_name, chunks) => {
      for await (const chunk of chunks) handed += chunk.length
    })
    expect(memoryOf().peak - before).toBeLessThan(100 * MB)
    expect(result).toEqual({ attached: 0, skipped: [{ name: 'IMG-0001.jpg', reason: 'tooLarge' }] })
    expect(handed).toBeLessThanOrEqual(16 * MB + 1024 * 1024)
  }, 60_000)

  it('an honest header over the per-file cap is skipped without inflating; all files together stop at the total cap', async () => {
    const big = Buffer.alloc(17 * MB)
    const files = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`VID-000${i}.mp4`, Buffer.alloc(15 * MB, i + 1)]))
    const zip = await zipOf({ 'big.mp4': big, ...files })
    const { taken, result } = await drain(zip, ['big.mp4', ...Object.keys(files)], 16 * MB)
    expect(result.skipped[0]).toEqual({ name: 'big.mp4', reason: 'tooLarge' })
    const total = taken.reduce((sum, [, bytes]) => sum + bytes, 0)
    expect(total).toBeLessThanOrEqual(MAX_MEDIA_TOTAL_BYTES)
    expect(taken).toHaveLength(Math.floor(MAX_MEDIA_TOTAL_BYTES / (15 * MB)))
    expect(result.skipped.filter((s) => s.reason === 'totalCap').length).toBe(5 - taken.length)
  }, 60_000)
})
