/**
 * next-intl request config (no locale in the URL), and the one reader of a request's language for
 * pages, server components and the tRPC route: see resolveLocale for the order.
 */
import { getRequestConfig } from 'next-intl/server'
import { cookies, headers } from 'next/headers'
import { getSessionUser } from '~/server/auth'
import type { SessionUser } from '~/server/auth/session-user'
import { db } from '~/server/db'
import { LOCALE_COOKIE, type Locale } from './locales'
import { allMessages } from './messages'
import { resolveLocale } from './resolve-locale'

/** The user's saved preference: the row (the token's copy dates from sign-in), else the token's copy. */
async function savedLocale(user: SessionUser | null): Promise<string | null> {
  if (!user) return null
  // A database hiccup must not take the page down: fall back to the token, then the cookie.
  const row = await db.user.findUnique({ where: { id: user.id }, select: { locale: true } }).catch(() => null)
  return row?.locale ?? user.locale
}

/** The language of the current request; pass the session user when the caller already has it. */
export async function getRequestLocale(user?: SessionUser | null): Promise<Locale> {
  const signedIn = user === undefined ? await getSessionUser().catch(() => null) : user
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value
  const acceptLanguage = (await headers()).get('accept-language')
  return resolveLocale({ saved: await savedLocale(signedIn), cookie, acceptLanguage })
}

export default getRequestConfig(async () => {
  const locale = await getRequestLocale()
  return { locale, messages: allMessages[locale], timeZone: 'Asia/Bishkek' }
})
