/** The interface languages. Russian first: most of our users read it best. */
export const locales = ['ru', 'en', 'ky'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'ru'
export const LOCALE_COOKIE = 'NEXT_LOCALE'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

/** Picks the first supported locale: the user's saved preference, then the cookie, then Russian. */
export function resolveLocale(...candidates: Array<string | null | undefined>): Locale {
  for (const candidate of candidates) if (isLocale(candidate)) return candidate
  return defaultLocale
}
