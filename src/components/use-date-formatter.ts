import { createFormatter, useLocale, useTimeZone } from 'next-intl'

/**
 * Browsers ship no Kyrgyz date data (Chrome's ICU has no 'ky'), so Intl would quietly fall back to
 * English there (12-hour clock, English month names) while the server wrote Kyrgyz. Kyrgyz pages
 * format dates the Russian way instead, the same on the server and in every browser.
 */
const dateLocaleFor: Partial<Record<string, string>> = { ky: 'ru' }

/** next-intl's formatter for dates and times, in the app's time zone (Asia/Bishkek). */
export function useDateFormatter() {
  const locale = useLocale()
  const timeZone = useTimeZone()
  return createFormatter({ locale: dateLocaleFor[locale] ?? locale, timeZone })
}
