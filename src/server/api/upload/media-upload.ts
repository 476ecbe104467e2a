/**
 * POST /api/media/upload: a photo or document to send, streamed as the raw request body (its name in
 * the `x-file-name` header, URI-encoded). Who may upload is decided before a byte of the body is read:
 * signed in (401), same origin (403/415), a declared length within OUTGOING_MEDIA_MAX_BYTES (413). The
 * body then streams into the media store, counted and cut at the cap (413); its type is sniffed from its
 * bytes (415 for a type we do not send). Answers `{ mediaId, kind, contentType, size, fileName }`; the
 * send procedure takes the mediaId (domain/media/outgoing-media.ts).
 */
import type { SessionUser } from '../../auth/session-user'
import { AppError, isAppError } from '../../errors'
import { cappedChunks, checkDeclaredLength, checkSameOrigin } from '../../http/request-guards'
import { translateError } from '../../i18n/translate'
import { MAX_UNSENT_UPLOADS, OUTGOING_MEDIA_MAX_BYTES, storeOutgoingMedia } from '../../domain/media/outgoing-media'
import { logger } from '../../logger'
import type { Locale } from '~/i18n/locales'
import { FILE_NAME_HEADER } from '~/shared/request-limits'

interface UploadRequestContext {
  user: SessionUser | null
  locale: Locale
  authUrl: string | undefined
}

const MAX_MB = OUTGOING_MEDIA_MAX_BYTES / 1024 / 1024

function answer(locale: Locale, status: number, code: string, messageKey: string, params: Record<string, string | number> = {}) {
  return Response.json({ error: { code, message: translateError(locale, messageKey, params) } }, { status, headers: { 'cache-control': 'no-store' } })
}

function fileNameOf(req: Request): string | null {
  try {
    const name = decodeURIComponent(req.headers.get(FILE_NAME_HEADER) ?? '').trim()
    return name ? name.slice(0, 255) : null
  } catch {
    return null
  }
}

const STATUS_OF: Record<string, [number, string]> = {
  mediaTooLarge: [413, 'PAYLOAD_TOO_LARGE'],
  mediaTypeRefused: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  mediaUploadsTooMany: [429, 'TOO_MANY_REQUESTS'],
}

export async function handleMediaUpload(req: Request, { user, locale, authUrl }: UploadRequestContext): Promise<Response> {
  if (!user) return answer(locale, 401, 'UNAUTHORIZED', 'unauthorized')
  const sameOrigin = checkSameOrigin(req, authUrl)
  if (!sameOrigin.ok) return answer(locale, sameOrigin.status, sameOrigin.code, 'forbidden')
  const declared = checkDeclaredLength(req, OUTGOING_MEDIA_MAX_BYTES)
  if (!declared.ok) return answer(locale, 413, declared.code, 'mediaTooLarge', { maxMb: MAX_MB })

  const organizationId = user.organizationId
  const tooLarge = () => new AppError('BAD_REQUEST', 'mediaTooLarge', { maxMb: MAX_MB })
  try {
    const uploaded = await storeOutgoingMedia(organizationId, cappedChunks(req.body, OUTGOING_MEDIA_MAX_BYTES, tooLarge), { fileName: fileNameOf(req) })
    logger.info(
      { organizationId, userId: user.id, mediaId: uploaded.mediaId, bytes: uploaded.size, contentType: uploaded.contentType },
      'media to send uploaded',
    )
    return Response.json(uploaded, { headers: { 'cache-control': 'no-store' } })
  } catch (err) {
    if (isAppError(err)) {
      const [status, code] = STATUS_OF[err.messageKey] ?? [400, 'BAD_REQUEST']
      return answer(locale, status, code, err.messageKey, { maxMb: MAX_MB, max: MAX_UNSENT_UPLOADS })
    }
    logger.error({ err, organizationId }, 'media upload failed')
    return answer(locale, 500, 'INTERNAL', 'internal')
  }
}
