/**
 * What an incoming message carries besides text, as Message columns: the kind, the announced file
 * (PENDING until the media worker stores it), a location or contact cards as data. Pure: used inside
 * the incoming transaction (live messages and replies typed on the phone).
 */
import type { MediaKind } from '../../db/generated/enums'
import type { Prisma } from '../../db'
import type { WaIncomingMessage, WaMessageType } from '../../whatsapp/engine/types'

const KINDS: Partial<Record<WaMessageType, MediaKind>> = {
  image: 'IMAGE',
  video: 'VIDEO',
  audio: 'AUDIO',
  voice: 'VOICE',
  document: 'DOCUMENT',
  sticker: 'STICKER',
  location: 'LOCATION',
  contact: 'CONTACT',
}

/** Kinds whose bytes are downloaded and stored. */
export const FILE_KINDS: ReadonlySet<MediaKind> = new Set(['IMAGE', 'VIDEO', 'AUDIO', 'VOICE', 'DOCUMENT', 'STICKER'])

const clip = (value: string | undefined, max: number) => (value ? value.slice(0, max) : null)

/** The Message columns of an incoming message's media (empty for text). */
/** The message columns a customer's media, location or contact card fills. */
export type MediaColumns = Pick<Prisma.MessageUncheckedCreateInput, 'mediaKind' | 'mediaStatus' | 'mediaFileName' | 'mediaMimeType' | 'mediaSize'> & {
  location?: Prisma.InputJsonValue
  contact?: Prisma.InputJsonValue
}

export function mediaColumns(message: WaIncomingMessage): MediaColumns {
  const kind = KINDS[message.type]
  if (!kind) return {}
  if (kind === 'LOCATION') return message.location ? { mediaKind: kind, location: message.location as unknown as Prisma.InputJsonValue } : { mediaKind: kind }
  if (kind === 'CONTACT') return { mediaKind: kind, contact: (message.contacts ?? []) as unknown as Prisma.InputJsonValue }
  // A media type without a file to download (the library's hasMedia is false) has nothing to wait for.
  if (!message.hasMedia) return { mediaKind: kind, mediaStatus: 'UNAVAILABLE' }
  const size = message.media?.size
  return {
    mediaKind: kind,
    mediaStatus: 'PENDING',
    mediaFileName: clip(message.media?.fileName, 255),
    mediaMimeType: clip(message.media?.mimetype, 100),
    mediaSize: typeof size === 'number' && size >= 0 && size <= 2 ** 31 - 1 ? size : null,
  }
}
