/**
 * Reading an uploaded WhatsApp "Export chat" file: the .txt itself, or the .zip WhatsApp produces
 * (the chat text plus media files). Size and type are checked before anything is parsed.
 *
 * A zip's headers say how big each entry is, and a hostile one lies (a 1 MB "zip bomb" claiming 100
 * bytes inflates to 1 GB). So the chat entry is inflated as a stream (yauzl over zlib) that counts
 * the bytes it actually produces and stops at MAX_TEXT_BYTES: memory stays bounded whatever the
 * headers claim. Nothing is ever written to disk, so entry names (`../../etc/...`) are only read.
 */
import type { Readable } from 'node:stream'
import yauzl from 'yauzl'
import { AppError } from '../../errors'

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
export const MAX_TEXT_BYTES = 20 * 1024 * 1024

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
