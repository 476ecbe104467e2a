import { defaultLocale, isLocale, type Locale } from './locales'

/**
 * The one rule for the interface language: the user's saved preference, then the NEXT_LOCALE
 * cookie, then Russian. Unsupported values are skipped.
 */
export function resolveLocale({ saved, cookie }: { saved?: string | null; cookie?: string | null }): Locale {
  for (const candidate of [saved, cookie]) if (isLocale(candidate)) return candidate
  return defaultLocale
}
