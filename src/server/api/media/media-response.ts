/**
 * GET /api/media/<message id>: a message's stored file, to signed-in users of its organization who may
 * see its conversation (401 signed out, 404 for anything else, another organization's file included).
 * Streamed from the store, never buffered whole; single byte ranges (206) for audio and video seeking.
 * The type comes from the sender's phone and is not trusted: only images, audio and video a browser
 * plays are inline, everything else is an attachment; always `nosniff` and a CSP that sandboxes the
 * response, so a file can never run as a page of ours. The file name (the sender's) only ever appears
 * in Content-Disposition, RFC 5987-encoded; storage keys are content hashes.
 */
import { Readable } from 'node:stream'
import type { SessionUser } from '../../auth/session-user'
import { isInlineType, servedContentType } from '../../domain/media/content-type'
import { findServableMedia } from '../../domain/media/media-access'
import { translateError } from '../../i18n/translate'
import { logger } from '../../logger'
import { getMediaStore, MediaNotFoundError, type MediaRange } from '../../media'
import type { Locale } from '~/i18n/locales'

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
}

function answer(locale: Locale, status: number, messageKey: string, extra: Record<string, string> = {}) {
  return Response.json(
    { error: { message: translateError(locale, messageKey) } },
    { status, headers: { 'cache-control': 'no-store', ...SECURITY_HEADERS, ...extra } },
  )
}

/** `Range: bytes=a-b | a- | -n` (one range) against the size; null = whole file; 'invalid' = 416. */
export function parseRange(header: string | null, size: number): MediaRange | null | 'invalid' {
  if (!header) return null
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  // Several ranges (or another unit): the whole file, as RFC 9110 allows.
  if (!match) return null
  const [, from, to] = match
  if (!from && !to) return 'invalid'
  if (!from) {
    const suffix = Number(to)
    if (suffix === 0 || size === 0) return 'invalid'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(from)
  const end = to ? Math.min(Number(to), size - 1) : size - 1
  if (start >= size || end < start) return 'invalid'
  return { start, end }
}

/** `attachment; filename="ascii"; filename*=UTF-8''…`: the sender's name, safe in a header, never a path. */
export function contentDisposition(inline: boolean, fileName: string | null, fallback: string): string {
  const name =
    (fileName ?? '')
      .replace(/[\\/]/g, '_')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
      .slice(0, 150) || fallback
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_')
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'video/mp4': 'mp4',
  'application/pdf': 'pdf',
}

export async function handleMediaRequest(req: Request, messageId: string, { user, locale }: { user: SessionUser | null; locale: Locale }): Promise<Response> {
  if (!user) return answer(locale, 401, 'unauthorized')
  const media = await findServableMedia(user.organizationId, user, messageId)
  if (!media) return answer(locale, 404, 'mediaNotFound')
  const etag = `"${media.sha256}"`
  const common = {
    ...SECURITY_HEADERS,
    'cache-control': 'private, max-age=3600',
    etag,
    'accept-ranges': 'bytes',
  }
  if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: common })
  const contentType = servedContentType(media.contentType)
  const download = new URL(req.url).searchParams.has('download')
  const inline = !download && isInlineType(contentType)
  const fallback = `${(media.mediaKind ?? 'file').toLowerCase()}-${media.sha256.slice(0, 8)}.${EXTENSIONS[media.contentType] ?? 'bin'}`
  const range = parseRange(req.headers.get('range'), media.size)
  if (range === 'invalid') return answer(locale, 416, 'mediaRangeInvalid', { 'content-range': `bytes */${media.size}` })
  let stream: Readable
  try {
    stream = await getMediaStore().open(media.storageKey, range ?? undefined)
  } catch (error) {
    if (error instanceof MediaNotFoundError) {
      logger.error({ organizationId: user.organizationId, messageId }, 'stored media missing from the store')
      return answer(locale, 404, 'mediaNotFound')
    }
    throw error
  }
  const headers: Record<string, string> = {
    ...common,
    'content-type': contentType,
    'content-disposition': contentDisposition(inline, media.fileName, fallback),
    'content-length': String(range ? range.end - range.start + 1 : media.size),
  }
  if (range) headers['content-range'] = `bytes ${range.start}-${range.end}/${media.size}`
  // A client that goes away closes the web stream, which destroys the file stream (no leak).
  const body = Readable.toWeb(stream) as ReadableStream<Uint8Array>
  return new Response(body, { status: range ? 206 : 200, headers })
}
