/**
 * Media files of an imported chat export (issue 14 point 5): stored like any other file (content-
 * addressed, one MediaFile per organization and content), typed from their bytes (file-type), else
 * from their extension. Any type is kept: the file is history to show, and the media route serves
 * only safe types inline (content-type.ts).
 */
import { fileTypeFromBuffer } from 'file-type'
import type { MediaKind } from '../../db/generated/enums'
import { getMediaStore, type MediaStore } from '../../media'
import { normalizeContentType } from './content-type'
import { recordMediaFile } from './media-files'
import { keepHead } from './media-head'

const BY_EXTENSION: Readonly<Record<string, string>> = {
  opus: 'audio/ogg',
  ogg: 'audio/ogg',
  m4a: 'audio/mp4',
  mp3: 'audio/mpeg',
  aac: 'audio/aac',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  mp4: 'video/mp4',
  '3gp': 'video/3gpp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  vcf: 'text/vcard',
}

export interface ImportedMediaFile {
  id: string
  contentType: string
  size: number
}

/** Stores one file of an export (the caller caps the stream); its MediaFile. */
export async function storeImportedMedia(
  organizationId: string,
  source: AsyncIterable<Uint8Array>,
  fileName: string,
  maxBytes: number,
  store: MediaStore = getMediaStore(),
): Promise<ImportedMediaFile> {
  const { chunks, head } = keepHead(source)
  const stored = await store.put(chunks, { maxBytes })
  const sniffed = await fileTypeFromBuffer(head())
  const extension = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase()
  const contentType = normalizeContentType(sniffed?.mime ?? (extension ? BY_EXTENSION[extension] : undefined))
  const file = await recordMediaFile(organizationId, stored, contentType)
  return { id: file.id, contentType, size: stored.size }
}

/**
 * The message kind of an imported file: what the export line said (`IMG-…` image, `PTT-…` a voice
 * note), else what the bytes are.
 */
export function importedMediaKind(said: string | null | undefined, fileName: string, contentType: string): Exclude<MediaKind, 'LOCATION' | 'CONTACT'> {
  if (/^PTT-/i.test(fileName)) return 'VOICE'
  switch (said) {
    case 'image':
      return 'IMAGE'
    case 'video':
    case 'gif':
      return 'VIDEO'
    case 'audio':
      return 'AUDIO'
    case 'sticker':
      return 'STICKER'
    case 'document':
    case 'contact':
      return 'DOCUMENT'
    default:
      break
  }
  if (contentType.startsWith('image/')) return 'IMAGE'
  if (contentType.startsWith('video/')) return 'VIDEO'
  if (contentType.startsWith('audio/')) return 'AUDIO'
  return 'DOCUMENT'
}
