/**
 * POST /api/import/upload: a chat export streamed as the raw request body (file name in the
 * `x-file-name` header, URI-encoded). Who may upload is decided before a byte of the body is read:
 * signed in (401), an organization admin (403), same origin (403/415), a declared length within the
 * cap (413). The body then goes to disk under a generated name, counted, and is cut with 413 at the
 * cap. Answers `{ uploadId }`, which previewExport and commitExport take instead of the file.
 */
import type { SessionUser } from '../../auth/session-user'
import { AppError, isAppError } from '../../errors'
import { EXPORT_UPLOAD_MAX_BYTES, cappedChunks, checkDeclaredLength, checkSameOrigin, type GuardResult } from '../../http/request-guards'
import { translateError } from '../../i18n/translate'
import { MAX_UPLOAD_BYTES } from '../../import/export/export-file'
import { saveExportUpload } from '../../import/export/export-uploads'
import { logger } from '../../logger'
import type { Locale } from '~/i18n/locales'
import { FILE_NAME_HEADER } from '~/shared/request-limits'

interface UploadRequestContext {
  user: SessionUser | null
  locale: Locale
  authUrl: string | undefined
}

function answer(locale: Locale, status: number, code: string, messageKey: string, params: Record<string, string | number> = {}) {
  return Response.json({ error: { code, message: translateError(locale, messageKey, params) } }, { status, headers: { 'cache-control': 'no-store' } })
}

function refused(locale: Locale, result: GuardResult & { ok: false }) {
  if (result.status === 413) return answer(locale, 413, result.code, 'exportTooLarge', { maxMb: MAX_UPLOAD_BYTES / 1024 / 1024 })
  return answer(locale, result.status, result.code, 'forbidden')
}

function fileNameOf(req: Request): string | null {
  let name: string
  try {
    name = decodeURIComponent(req.headers.get(FILE_NAME_HEADER) ?? '').trim()
  } catch {
    return null
  }
  return name && name.length <= 200 && /\.(txt|zip)$/i.test(name) ? name : null
}

export async function handleExportUpload(req: Request, { user, locale, authUrl }: UploadRequestContext): Promise<Response> {
  if (!user) return answer(locale, 401, 'UNAUTHORIZED', 'unauthorized')
  const requested = new URL(req.url).searchParams.get('organizationId')
  if (requested && requested !== user.organizationId && user.role !== 'SUPER_ADMIN') return answer(locale, 403, 'FORBIDDEN', 'forbidden')
  if (user.role !== 'ADMIN' && user.role !== 'SUPER_ADMIN') return answer(locale, 403, 'FORBIDDEN', 'forbidden')
  const sameOrigin = checkSameOrigin(req, authUrl)
  if (!sameOrigin.ok) return refused(locale, sameOrigin)
  const declared = checkDeclaredLength(req, EXPORT_UPLOAD_MAX_BYTES)
  if (!declared.ok) return refused(locale, declared)
  const fileName = fileNameOf(req)
  if (!fileName) return answer(locale, 400, 'BAD_REQUEST', 'exportWrongType')

  const organizationId = requested ?? user.organizationId
  const tooLarge = () => new AppError('BAD_REQUEST', 'exportTooLarge', { maxMb: MAX_UPLOAD_BYTES / 1024 / 1024 })
  try {
    const saved = await saveExportUpload(organizationId, fileName, cappedChunks(req.body, EXPORT_UPLOAD_MAX_BYTES, tooLarge))
    if (saved.bytes === 0) return answer(locale, 400, 'BAD_REQUEST', 'exportEmpty')
    logger.info({ organizationId, userId: user.id, bytes: saved.bytes }, 'export uploaded')
    return Response.json({ uploadId: saved.uploadId, fileName, bytes: saved.bytes }, { headers: { 'cache-control': 'no-store' } })
  } catch (err) {
    if (isAppError(err) && err.messageKey === 'exportTooLarge')
      return answer(locale, 413, 'PAYLOAD_TOO_LARGE', 'exportTooLarge', { maxMb: MAX_UPLOAD_BYTES / 1024 / 1024 })
    if (isAppError(err)) return answer(locale, 400, 'BAD_REQUEST', err.messageKey)
    logger.error({ err, organizationId }, 'export upload failed')
    return answer(locale, 500, 'INTERNAL', 'internal')
  }
}
