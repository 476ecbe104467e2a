/**
 * Reading an uploaded WhatsApp "Export chat" file: the .txt itself, or the .zip WhatsApp produces
 * (the chat text plus media files). Size and type are checked before anything is parsed.
 */
import unzipper from 'unzipper'
import { AppError } from '../../errors'

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
export const MAX_TEXT_BYTES = 20 * 1024 * 1024

function decodeText(buffer: Buffer): string {
  // WhatsApp writes UTF-8, sometimes with a byte-order mark; UTF-16 appears in some desktop exports.
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le')
  const text = buffer.toString('utf8')
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** The chat text of an upload, or a clear, localized error for anything that is not an export. */
export async function readExportFile(fileName: string, base64: string): Promise<string> {
  const buffer = Buffer.from(base64, 'base64')
  if (buffer.length === 0) throw new AppError('BAD_REQUEST', 'exportEmpty')
  if (buffer.length > MAX_UPLOAD_BYTES) throw new AppError('BAD_REQUEST', 'exportTooLarge', { maxMb: MAX_UPLOAD_BYTES / 1024 / 1024 })
  const lower = fileName.toLowerCase()
  const isZip = buffer[0] === 0x50 && buffer[1] === 0x4b
  if (lower.endsWith('.zip') || isZip) {
    if (!isZip) throw new AppError('BAD_REQUEST', 'exportNotZip')
    let directory: Awaited<ReturnType<typeof unzipper.Open.buffer>>
    try {
      directory = await unzipper.Open.buffer(buffer)
    } catch {
      throw new AppError('BAD_REQUEST', 'exportNotZip')
    }
    const texts = directory.files.filter((f) => f.type === 'File' && f.path.toLowerCase().endsWith('.txt') && !f.path.startsWith('__MACOSX'))
    // iPhone: _chat.txt; Android: "WhatsApp Chat with X.txt".
    const chat = texts.find((f) => /(^|\/)_chat\.txt$/i.test(f.path)) ?? texts.find((f) => /whatsapp/i.test(f.path)) ?? texts[0]
    if (!chat) throw new AppError('BAD_REQUEST', 'exportNoChatInZip')
    if (chat.uncompressedSize > MAX_TEXT_BYTES) throw new AppError('BAD_REQUEST', 'exportTooLarge', { maxMb: MAX_TEXT_BYTES / 1024 / 1024 })
    return decodeText(await chat.buffer())
  }
  if (!lower.endsWith('.txt')) throw new AppError('BAD_REQUEST', 'exportWrongType')
  return decodeText(buffer)
}
