/**
 * The simulator's media: real small files (committed beside this module in ./media: a JPEG photo, an
 * OGG/Opus voice note, an MP4 video, a WebP sticker, a one-page PDF) that a simulated customer sends,
 * and what a download of them does, including the failures QA and tests ask for: a file WhatsApp no
 * longer has (`expired`: the library's downloadMedia gives undefined), a page error (`error`), and a
 * file larger than any cap (`too-large`: announced as 64 MB, and its bytes do not end there either).
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { EngineError } from '../../engine/errors'
import type { WaDownloadedMedia, WaMediaInfo, WaMessageType, WaOutgoingMedia } from '../../engine/types'
import { redis, simKey, type SimSentMedia } from './simulator-state'

export type { SimSentMedia }

export type SimMediaFailure = 'expired' | 'error' | 'too-large'

interface Fixture {
  file: string
  mimetype: string
  /** The name a sender's phone gives the file (documents carry one in WhatsApp). */
  fileName?: string
}

const FIXTURES: Partial<Record<WaMessageType, Fixture>> = {
  image: { file: 'photo.jpg', mimetype: 'image/jpeg' },
  voice: { file: 'voice.ogg', mimetype: 'audio/ogg; codecs=opus' },
  audio: { file: 'voice.ogg', mimetype: 'audio/ogg' },
  video: { file: 'video.mp4', mimetype: 'video/mp4' },
  sticker: { file: 'sticker.webp', mimetype: 'image/webp' },
  document: { file: 'document.pdf', mimetype: 'application/pdf', fileName: 'Прайс-лист 2026.pdf' },
}

const TOO_LARGE_BYTES = 64 * 1024 * 1024
/** How long the simulated WhatsApp keeps a message's media (Redis TTL). */
const MEDIA_TTL_SECONDS = 7 * 24 * 3600

/** The fixtures' directory. The server and the tests run from the repository root. */
function fixturePath(file: string): string {
  return join(process.cwd(), 'src/server/whatsapp/engines/simulator/media', file)
}

export function isSimMediaType(type: WaMessageType): boolean {
  return Boolean(FIXTURES[type])
}

interface SimMediaRecord {
  type: WaMessageType
  failure?: SimMediaFailure
}

/** What WhatsApp announces for a media message of this type (mimetype, file name, size). */
export async function announceSimMedia(type: WaMessageType, failure?: SimMediaFailure): Promise<WaMediaInfo> {
  const fixture = FIXTURES[type]
  if (!fixture) return {}
  const size = failure === 'too-large' ? TOO_LARGE_BYTES : (await stat(fixturePath(fixture.file))).size
  return { mimetype: fixture.mimetype, size, ...(fixture.fileName ? { fileName: fixture.fileName } : {}) }
}

/** Remembers what a download of this message gives (the simulated WhatsApp's media servers). */
export async function rememberSimMedia(clientId: string, messageId: string, record: SimMediaRecord): Promise<void> {
  await redis().set(simKey.media(clientId, messageId), JSON.stringify(record), 'EX', MEDIA_TTL_SECONDS)
}

async function* endlessZeros(): AsyncGenerator<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024)
  for (let sent = 0; sent <= TOO_LARGE_BYTES; sent += chunk.length) yield chunk
}

/** A message's file as the engine's downloadMedia gives it (null: WhatsApp no longer has it). */
export async function downloadSimMedia(clientId: string, messageId: string): Promise<WaDownloadedMedia | null> {
  const raw = await redis().get(simKey.media(clientId, messageId))
  if (!raw) return null
  const record = JSON.parse(raw) as SimMediaRecord
  const fixture = FIXTURES[record.type]
  if (!fixture || record.failure === 'expired') return null
  if (record.failure === 'error') throw new EngineError('UNKNOWN', 'simulated media download failure (the page threw)', { retryable: true })
  if (record.failure === 'too-large') return { data: endlessZeros(), mimetype: fixture.mimetype }
  return { data: createReadStream(fixturePath(fixture.file)), mimetype: fixture.mimetype, ...(fixture.fileName ? { fileName: fixture.fileName } : {}) }
}

/**
 * Photos up to this size are kept whole in the simulated phone's log (a Redis list of 200 entries), so
 * /dev/phone shows the picture itself; a larger one shows its name and size only.
 */
export const SIM_PREVIEW_MAX_BYTES = 256 * 1024
const PREVIEW_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif'])

/** What the customer's phone keeps of a file the business sent. */
export function simSentMedia(media: WaOutgoingMedia): SimSentMedia {
  const kind = media.asDocument || !media.mimetype.startsWith('image/') ? 'document' : 'image'
  const preview =
    kind === 'image' && PREVIEW_TYPES.has(media.mimetype) && media.data.length <= SIM_PREVIEW_MAX_BYTES
      ? `data:${media.mimetype};base64,${media.data.toString('base64')}`
      : undefined
  return { kind, mimetype: media.mimetype, size: media.data.length, ...(media.fileName ? { fileName: media.fileName } : {}), ...(preview ? { preview } : {}) }
}
