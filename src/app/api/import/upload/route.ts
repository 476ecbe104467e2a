import { getRequestLocale } from '~/i18n/request'
import { handleExportUpload } from '~/server/api/upload/export-upload'
import { getSessionUser } from '~/server/auth'
import { getEnv } from '~/server/env'

export const dynamic = 'force-dynamic'

/** A chat export, streamed: see src/server/api/upload/export-upload.ts. */
export async function POST(req: Request) {
  const user = await getSessionUser()
  return handleExportUpload(req, { user, locale: await getRequestLocale(user), authUrl: getEnv().AUTH_URL })
}
