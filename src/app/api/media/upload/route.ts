import { getRequestLocale } from '~/i18n/request'
import { handleMediaUpload } from '~/server/api/upload/media-upload'
import { getSessionUser } from '~/server/auth'
import { getEnv } from '~/server/env'

export const dynamic = 'force-dynamic'

/** A photo or document to send, streamed: see src/server/api/upload/media-upload.ts. */
export async function POST(req: Request) {
  const user = await getSessionUser()
  return handleMediaUpload(req, { user, locale: await getRequestLocale(user), authUrl: getEnv().AUTH_URL })
}
