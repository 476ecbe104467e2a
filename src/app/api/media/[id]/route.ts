import { getRequestLocale } from '~/i18n/request'
import { handleMediaRequest } from '~/server/api/media/media-response'
import { getSessionUser } from '~/server/auth'

export const dynamic = 'force-dynamic'

/** A message's stored file (photo, voice note, document): see src/server/api/media/media-response.ts. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser()
  const { id } = await params
  return handleMediaRequest(req, id, { user, locale: await getRequestLocale(user) })
}
