/**
 * Reading an uploaded WhatsApp "Export chat" file: the .txt itself, or the .zip WhatsApp produces
 * (the chat text plus media files). Size and type are checked before anything is parsed.
 *
 * A zip's headers say how big each entry is, and a hostile one lies (a 1 MB "zip bomb" claiming 100
 * bytes inflates to 1 GB). So the chat entry is inflated as a stream (yauzl over zlib) that counts
 * the bytes it actually produces and stops at MAX_TEXT_BYTES: memory stays bounded whatever the
 * headers claim. Nothing is ever written to disk, so entry names (`../../etc/...`) are only read.
 *
 * Media entries the chat names (`IMG-20240101-WA0001.jpg (file attached)`) are inflated the same way,
 * one at a time, straight into the caller (the media store): each counted against a per-file cap and
 * all of them against MAX_MEDIA_TOTAL_BYTES and MAX_MEDIA_FILES, so a bomb among them stops there too.
 */
import type { Readable } from 'node:stream'
import yauzl from 'yauzl'
import { AppError } from '../../errors'

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
export const MAX_TEXT_BYTES = 20 * 1024 * 1024
/** Inflated bytes of an export's media files together; past it the remaining files stay placeholders. */
export const MAX_MEDIA_TOTAL_BYTES = 64 * 1024 * 1024
/** Media files attached from one export. */
export const MAX_MEDIA_FILES = 1000

const tooLarge = (bytes: number) => new AppError('BAD_REQUEST', 'exportTooLarge', { maxMb: bytes / 1024 / 1024 })
const notZip = () => new AppError('BAD_REQUEST', 'exportNotZip')

function decodeText(buffer: Buffer): string {
  // WhatsApp writes UTF-8, sometimes with a byte-order mark; UTF-16 appears in some desktop exports.
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le')
  const text = buffer.toString('utf8')
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // validateEntrySizes: an entry that inflates to more than its header says is an error, not trusted.
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err ? reject(notZip()) : resolve(zip),
    )
  })
}

/** The entries' directory records (names and sizes only; nothing is inflated). */
function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = []
    zip.on('entry', (entry: yauzl.Entry) => {
      // A real export holds a chat and its media: a few thousand entries at most.
      if (entries.length >= 10_000) return reject(notZip())
      entries.push(entry)
      zip.readEntry()
    })
    zip.once('end', () => resolve(entries))
    zip.once('error', () => reject(notZip()))
    zip.readEntry()
  })
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, stream) => (err ? reject(notZip()) : resolve(stream))))
}

/** Inflates one entry, counting real output bytes; past `cap` the stream is destroyed and exportTooLarge thrown. */
async function inflateCapped(zip: yauzl.ZipFile, entry: yauzl.Entry, cap: number): Promise<Buffer> {
  const stream = await openEntry(zip, entry)
  const chunks: Buffer[] = []
  let produced = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      produced += chunk.length
      if (produced > cap) throw tooLarge(cap)
      chunks.push(chunk)
    }
  } catch (err) {
    // yauzl's own size check ("too many bytes in the stream") means the header lied about the size: a bomb.
    if (err instanceof AppError) throw err
    throw /too many bytes|expected \d+ bytes/i.test((err as Error).message) ? tooLarge(cap) : notZip()
  } finally {
    stream.destroy()
  }
  return Buffer.concat(chunks, produced)
}

async function readChatFromZip(buffer: Buffer): Promise<string> {
  const zip = await openZip(buffer)
  try {
    const entries = await listEntries(zip)
    const texts = entries.filter((e) => !e.fileName.endsWith('/') && e.fileName.toLowerCase().endsWith('.txt') && !e.fileName.startsWith('__MACOSX'))
    // iPhone: _chat.txt; Android: "WhatsApp Chat with X.txt".
    const chat = texts.find((e) => /(^|\/)_chat\.txt$/i.test(e.fileName)) ?? texts.find((e) => /whatsapp/i.test(e.fileName)) ?? texts[0]
    if (!chat) throw new AppError('BAD_REQUEST', 'exportNoChatInZip')
    // An honest header over the cap is refused without inflating; a dishonest one is caught while inflating.
    if (chat.uncompressedSize > MAX_TEXT_BYTES) throw tooLarge(MAX_TEXT_BYTES)
    if (chat.isEncrypted()) throw notZip()
    return decodeText(await inflateCapped(zip, chat, MAX_TEXT_BYTES))
  } finally {
    zip.close()
  }
}

/** Why a named media file was not attached. */
export type SkippedMediaReason = 'notInZip' | 'tooLarge' | 'totalCap' | 'unreadable'

export interface ZipMediaResult {
  attached: number
  skipped: Array<{ name: string; reason: SkippedMediaReason }>
}

/** The entry's name without folders (WhatsApp puts media beside the chat; some zip tools add a folder). */
const baseName = (name: string) => name.slice(name.lastIndexOf('/') + 1)

/**
 * Hands the media files of an export .zip that the chat names to `take`, one at a time, as capped
 * streams: an entry over `perFileCap` (announced, or found while inflating) is skipped, and once
 * MAX_MEDIA_TOTAL_BYTES were inflated (or MAX_MEDIA_FILES taken) the rest are skipped. An error `take`
 * throws for a file skips that file (`unreadable`); nothing here throws for one bad entry.
 */
export async function readZipMedia(
  buffer: Buffer,
  wanted: ReadonlySet<string>,
  perFileCap: number,
  take: (name: string, chunks: AsyncIterable<Uint8Array>) => Promise<void>,
): Promise<ZipMediaResult> {
  const result: ZipMediaResult = { attached: 0, skipped: [] }
  if (!wanted.size) return result
  const zip = await openZip(buffer)
  try {
    const byName = new Map<string, yauzl.Entry>()
    for (const entry of await listEntries(zip)) {
      if (entry.fileName.endsWith('/') || entry.fileName.startsWith('__MACOSX')) continue
      const name = baseName(entry.fileName)
      if (wanted.has(name) && !byName.has(name)) byName.set(name, entry)
    }
    let total = 0
    for (const name of wanted) {
      const entry = byName.get(name)
      const skip = (reason: SkippedMediaReason) => result.skipped.push({ name, reason })
      if (!entry || entry.isEncrypted()) {
        skip('notInZip')
        continue
      }
      if (entry.uncompressedSize > perFileCap) {
        skip('tooLarge')
        continue
      }
      if (total >= MAX_MEDIA_TOTAL_BYTES || result.attached >= MAX_MEDIA_FILES || total + entry.uncompressedSize > MAX_MEDIA_TOTAL_BYTES) {
        skip('totalCap')
        continue
      }
      let over: SkippedMediaReason | null = null
      const stream = await openEntry(zip, entry).catch(() => null)
      if (!stream) {
        skip('unreadable')
        continue
      }
      let produced = 0
      async function* counted(): AsyncGenerator<Uint8Array> {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          produced += chunk.length
          total += chunk.length
          if (produced > perFileCap) over = 'tooLarge'
          else if (total > MAX_MEDIA_TOTAL_BYTES) over = 'totalCap'
          if (over) throw new Error(over)
          yield chunk
        }
      }
      try {
        await take(name, counted())
        result.attached += 1
      } catch (err) {
        // yauzl's own size check ("too many bytes in the stream"): the header lied about the size, a bomb.
        skip(over ?? (/too many bytes|expected \d+ bytes/i.test((err as Error).message) ? 'tooLarge' : 'unreadable'))
      } finally {
        stream.destroy()
      }
    }
    return result
  } finally {
    zip.close()
  }
}

/** Whether an uploaded export is a .zip (media can only come with one). */
export function isZipBytes(buffer: Uint8Array): boolean {
  return buffer[0] === 0x50 && buffer[1] === 0x4b
}

/** The chat text of an uploaded file's bytes (see readExportFile). */
export async function readExportBytes(fileName: string, buffer: Buffer): Promise<string> {
  if (buffer.length === 0) throw new AppError('BAD_REQUEST', 'exportEmpty')
  if (buffer.length > MAX_UPLOAD_BYTES) throw tooLarge(MAX_UPLOAD_BYTES)
  const lower = fileName.toLowerCase()
  const isZip = buffer[0] === 0x50 && buffer[1] === 0x4b
  if (lower.endsWith('.zip') || isZip) {
    if (!isZip) throw notZip()
    return readChatFromZip(buffer)
  }
  if (!lower.endsWith('.txt')) throw new AppError('BAD_REQUEST', 'exportWrongType')
  return decodeText(buffer)
}

/** The chat text of an upload, or a clear, localized error for anything that is not an export. */
export async function readExportFile(fileName: string, base64: string): Promise<string> {
  // Base64 is 4/3 of the bytes: refuse an oversize one before decoding it.
  if (base64.length > Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4) throw tooLarge(MAX_UPLOAD_BYTES)
  return readExportBytes(fileName, Buffer.from(base64, 'base64'))
}
