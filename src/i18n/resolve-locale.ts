import { match } from '@formatjs/intl-localematcher'
import Negotiator from 'negotiator'
import { defaultLocale, isLocale, locales, type Locale } from './locales'

/**
 * The one rule for the interface language: the user's saved preference, then the NEXT_LOCALE
 * cookie, then the browser's Accept-Language (a first visit), then Russian. Unsupported values are skipped.
 */
export function resolveLocale({ saved, cookie, acceptLanguage }: { saved?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  for (const candidate of [saved, cookie]) if (isLocale(candidate)) return candidate
  return localeFromAcceptLanguage(acceptLanguage) ?? defaultLocale
}

/**
 * The interface language a browser asks for, as next-intl's own middleware reads it: `negotiator` orders
 * the header's languages by q-value (dropping q=0), and `@formatjs/intl-localematcher` (the
 * ECMA-402 LookupMatcher, so `ky-KG` is `ky` and `en-GB` is `en`) picks the first one we have. Null
 * when none of ru/en/ky is asked for (or the header is missing or malformed).
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null
  // A header is at most a few dozen tags; a hostile one is cut before parsing.
  const requested = new Negotiator({ headers: { 'accept-language': header.slice(0, 1024) } }).languages().filter((tag) => tag !== '*')
  if (requested.length === 0) return null
  try {
    const matched = match(requested, [...locales], '', { algorithm: 'lookup' })
    return isLocale(matched) ? matched : null
  } catch {
    // A tag Intl refuses (e.g. "x@y"): as if the browser asked for nothing we have.
    return null
  }
}
