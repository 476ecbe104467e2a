'use server'

import { cookies } from 'next/headers'
import { isLocale, LOCALE_COOKIE } from '~/i18n/locales'

/** Remembers the interface language in the browser for a year (the sign-in page has no user to save it on). */
export async function setLocaleCookie(locale: string) {
  if (!isLocale(locale)) return
  ;(await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' })
}
