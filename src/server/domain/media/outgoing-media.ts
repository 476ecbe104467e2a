/**
 * Media out (issue 14 point 3): a photo or document an operator (or an agent) sends. The file is
 * stored first (content-addressed in the media store, one MediaFile per organization and content),
 * its type sniffed from its bytes (file-type) and checked against a short list, and only then can a
 * message name it (by the MediaFile id, scoped by organization). The send job carries the message id,
 * the session's process reads the bytes from the store (whatsapp/outgoing-media.ts).
 *
 * Bounds: OUTGOING_MEDIA_MAX_BYTES per file (counted while streaming), MAX_UNSENT_UPLOADS files of an
 * organization uploaded within UNSENT_UPLOAD_TTL_MS and not yet in a message, after which they are removed.
 */
import { fileTypeFromBuffer } from 'file-type'
import type { MediaKind } from '../../db/generated/enums'
import { db } from '../../db'
import { AppError } from '../../errors'
import { getMediaStore, MediaTooLargeError, type MediaStore, type StoredMedia } from '../../media'
import { orgLogger } from '../../logger'
import { OUTGOING_MEDIA_MAX_BYTES } from '~/shared/outgoing-media'
import { deleteUnreferencedMediaFiles, recordMediaFile } from './media-files'
import { keepHead, SNIFF_BYTES } from './media-head'

export { OUTGOING_MEDIA_MAX_BYTES }

/** Uploaded files not in a message yet, per organization (a composer's attachment waiting for its send). */
export const MAX_UNSENT_UPLOADS = 50
/** An uploaded file that no message names after this long is removed. */
export const UNSENT_UPLOAD_TTL_MS = 60 * 60_000

/** The sniffed types we send, as the kind WhatsApp shows and the extension a document's name gets. */
const SENDABLE: Readonly<Record<string, { kind: Extract<MediaKind, 'IMAGE' | 'DOCUMENT'>; ext: string }>> = {
  'image/jpeg': { kind: 'IMAGE', ext: 'jpg' },
  'image/png': { kind: 'IMAGE', ext: 'png' },
  'image/webp': { kind: 'IMAGE', ext: 'webp' },
  'application/pdf': { kind: 'DOCUMENT', ext: 'pdf' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'DOCUMENT', ext: 'docx' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'DOCUMENT', ext: 'xlsx' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { kind: 'DOCUMENT', ext: 'pptx' },
  'application/vnd.oasis.opendocument.text': { kind: 'DOCUMENT', ext: 'odt' },
  'application/vnd.oasis.opendocument.spreadsheet': { kind: 'DOCUMENT', ext: 'ods' },
  'application/rtf': { kind: 'DOCUMENT', ext: 'rtf' },
  'text/plain': { kind: 'DOCUMENT', ext: 'txt' },
  'text/csv': { kind: 'DOCUMENT', ext: 'csv' },
}

export interface SniffedType {
  contentType: string
  kind: 'IMAGE' | 'DOCUMENT'
  ext: string
}

const TEXT_NAME = /\.(txt|csv)$/i
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const BINARY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/

/**
 * The type of a file from its first bytes (file-type's signatures). Plain text has no signature: a
 * `.txt`/`.csv` whose start is valid UTF-8 without control characters is text. Null: not a type we send.
 */
export async function sniffOutgoingType(head: Uint8Array, fileName: string | undefined): Promise<SniffedType | null> {
  const detected = await fileTypeFromBuffer(head)
  if (detected) {
    const sendable = SENDABLE[detected.mime]
    return sendable ? { contentType: detected.mime, ...sendable } : null
  }
  if (!fileName || !TEXT_NAME.test(fileName) || head.length === 0) return null
  let text: string
  try {
    // A multi-byte character cut at the sniff boundary is not an error: only the last 3 bytes may be partial.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head.length >= SNIFF_BYTES ? head.subarray(0, head.length - 3) : head)
  } catch {
    return null
  }
  if (BINARY_CONTROL.test(text)) return null
  const contentType = /\.csv$/i.test(fileName) ? 'text/csv' : 'text/plain'
  return { contentType, ...SENDABLE[contentType]! }
}

/**
 * The name a customer sees: the last path segment of what the browser said, without control or
 * path characters, at most 120 characters, ending in the sniffed type's extension; a default when none.
 */
export function outgoingFileName(raw: string | null | undefined, type: Pick<SniffedType, 'kind' | 'ext'>): string {
  const base = (raw ?? '')
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex -- control characters never belong in a file name
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .slice(0, 120)
  const name = base && base !== '.' && base !== '..' ? base : type.kind === 'IMAGE' ? 'photo' : 'document'
  return name.toLowerCase().endsWith(`.${type.ext}`) ? name : `${name}.${type.ext}`
}

export interface UploadedMedia {
  mediaId: string
  kind: 'IMAGE' | 'DOCUMENT'
  contentType: string
  size: number
  fileName: string
}

/** Removes a stored object nobody names (a refused upload), unless a MediaFile of any organization uses its key. */
async function dropUnrecorded(store: MediaStore, stored: StoredMedia) {
  const used = await db.mediaFile.findFirst({ where: { storageKey: stored.key }, select: { id: true } })
  if (!used) await store.delete(stored.key)
}

/** Removes the organization's uploads that no message took within UNSENT_UPLOAD_TTL_MS. */
export async function sweepUnsentUploads(organizationId: string, now = Date.now()): Promise<number> {
  const stale = await db.mediaFile.findMany({
    where: { organizationId, messages: { none: {} }, createdAt: { lt: new Date(now - UNSENT_UPLOAD_TTL_MS) } },
    select: { id: true },
    take: 500,
  })
  return deleteUnreferencedMediaFiles(
    organizationId,
    stale.map((f) => f.id),
  )
}

/**
 * Stores a file to send: streamed into the media store under the cap (AppError mediaTooLarge past it),
 * its type sniffed (AppError mediaTypeRefused), recorded as the organization's MediaFile. Refused
 * when the organization already has MAX_UNSENT_UPLOADS files waiting for a message.
 */
export async function storeOutgoingMedia(
  organizationId: string,
  source: AsyncIterable<Uint8Array>,
  options: { fileName?: string | null; store?: MediaStore } = {},
): Promise<UploadedMedia> {
  const store = options.store ?? getMediaStore()
  await sweepUnsentUploads(organizationId)
  const waiting = await db.mediaFile.count({ where: { organizationId, messages: { none: {} } } })
  if (waiting >= MAX_UNSENT_UPLOADS) throw new AppError('RATE_LIMITED', 'mediaUploadsTooMany', { max: MAX_UNSENT_UPLOADS })
  const { chunks, head } = keepHead(source)
  let stored: StoredMedia
  try {
    stored = await store.put(chunks, { maxBytes: OUTGOING_MEDIA_MAX_BYTES })
  } catch (err) {
    if (err instanceof MediaTooLargeError) throw new AppError('BAD_REQUEST', 'mediaTooLarge', { maxMb: OUTGOING_MEDIA_MAX_BYTES / 1024 / 1024 })
    throw err
  }
  if (stored.size === 0) throw new AppError('BAD_REQUEST', 'mediaEmpty')
  const type = await sniffOutgoingType(head(), options.fileName ?? undefined)
  if (!type) {
    await dropUnrecorded(store, stored)
    throw new AppError('BAD_REQUEST', 'mediaTypeRefused')
  }
  const file = await recordMediaFile(organizationId, stored, type.contentType)
  orgLogger(organizationId, { component: 'media-out' }).info({ mediaId: file.id, size: stored.size, contentType: type.contentType }, 'media to send stored')
  return { mediaId: file.id, kind: type.kind, contentType: type.contentType, size: stored.size, fileName: outgoingFileName(options.fileName, type) }
}

/**
 * The Message columns of an outgoing file, by MediaFile id of this organization (NOT_FOUND for any
 * other id: another organization's file is "not there"). The kind follows the stored (sniffed) type.
 */
export async function outgoingMediaColumns(organizationId: string, mediaId: string, fileName: string | null | undefined) {
  const file = await db.mediaFile.findFirst({ where: { id: mediaId, organizationId }, select: { id: true, contentType: true, size: true } })
  const type = file ? SENDABLE[file.contentType] : undefined
  if (!file || !type) throw new AppError('NOT_FOUND', 'mediaNotFound')
  return {
    mediaKind: type.kind,
    mediaStatus: 'STORED' as const,
    mediaFileId: file.id,
    mediaMimeType: file.contentType,
    mediaSize: file.size,
    mediaFileName: outgoingFileName(fileName, type),
  }
}
