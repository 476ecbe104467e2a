/**
 * next-intl request config (no locale in the URL): the signed-in user's saved preference, then the
 * NEXT_LOCALE cookie, then Russian.
 */
import { getRequestConfig } from 'next-intl/server'
import { cookies } from 'next/headers'
import { auth } from '~/server/auth'
import { db } from '~/server/db'
import { LOCALE_COOKIE, resolveLocale } from './locales'
import { allMessages } from './messages'

export async function getRequestLocale() {
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value
  let saved: string | null = null
  try {
    const session = await auth()
    if (session?.user?.id) {
      const user = await db.user.findUnique({ where: { id: session.user.id }, select: { locale: true } })
      saved = user?.locale ?? null
    }
  } catch {
    // A database hiccup must not take the page down: fall back to the cookie.
  }
  return resolveLocale(saved, cookieLocale)
}

export default getRequestConfig(async () => {
  const locale = await getRequestLocale()
  return { locale, messages: allMessages[locale], timeZone: 'Asia/Bishkek' }
})
