/** The interface languages. Russian first: most of our users read it best. */
export const locales = ['ru', 'en', 'ky'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'ru'
export const LOCALE_COOKIE = 'NEXT_LOCALE'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}
