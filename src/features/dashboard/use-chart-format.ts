'use client'

import { createFormatter, useLocale, useTranslations } from 'next-intl'
import { useMemo } from 'react'

/** Browsers ship no Kyrgyz date or number data (see components/use-date-formatter.ts): Kyrgyz charts format the Russian way. */
const intlLocaleFor: Partial<Record<string, string>> = { ky: 'ru' }

/**
 * Formatting for the dashboard's axes, tooltips and legends in the reader's language. Days arrive as the
 * organization's local dates (`YYYY-MM-DD`): they are formatted as calendar dates, never shifted by the
 * browser's zone. Times of the uptime strip are shown in the organization's zone.
 */
export function useChartFormat(timeZone: string | undefined) {
  const locale = useLocale()
  const t = useTranslations('dashboard.duration')
  return useMemo(() => {
    const intlLocale = intlLocaleFor[locale] ?? locale
    const utc = createFormatter({ locale: intlLocale, timeZone: 'UTC' })
    const local = createFormatter({ locale: intlLocale, timeZone: timeZone ?? 'UTC' })
    const dayDate = (key: string) => {
      const [y, m, d] = key.split('-').map(Number)
      return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12))
    }
    return {
      /** "20 нояб." / "Nov 20". */
      day: (key: string) => utc.dateTime(dayDate(key), { day: 'numeric', month: 'short' }),
      /** "пт, 20 ноября" / "Fri, November 20". */
      dayLong: (key: string) => utc.dateTime(dayDate(key), { weekday: 'short', day: 'numeric', month: 'long' }),
      /** A tooltip's label: the day key of the hovered bar or point. */
      dayLabel: (label: unknown) => (typeof label === 'string' ? utc.dateTime(dayDate(label), { weekday: 'short', day: 'numeric', month: 'long' }) : ''),
      /** A moment in the organization's zone: "20 нояб., 14:00". */
      moment: (at: Date) => local.dateTime(at, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
      /** The organization's local hour of a moment (0-23), for day ticks. */
      localHour: (at: Date) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: timeZone ?? 'UTC', hour: '2-digit', hourCycle: 'h23' }).format(at)),
      /** The organization's local date of a moment as `YYYY-MM-DD`. */
      localDayKey: (at: Date) =>
        new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at),
      number: (value: number) => local.number(value),
      /** A wait in seconds as "45 с", "12 мин" or "1 ч 5 мин". */
      duration: (seconds: number) => {
        if (seconds < 60) return t('seconds', { seconds: Math.round(seconds) })
        const minutes = Math.round(seconds / 60)
        if (minutes < 60) return t('minutes', { minutes })
        return t('hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 })
      },
    }
  }, [locale, timeZone, t])
}

export type ChartFormat = ReturnType<typeof useChartFormat>
