'use client'

import { useNow, useTimeZone, useTranslations } from 'next-intl'
import { useMemo } from 'react'
import { useDateFormatter } from '~/components/use-date-formatter'

/** Calendar days between two instants in the given time zone (0 = same day, 1 = yesterday…). */
function useDayDistance() {
  const timeZone = useTimeZone()
  const now = useNow()
  return useMemo(() => {
    const keyFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    const dayNumber = (date: Date) => {
      const [y, m, d] = keyFormat.format(date).split('-').map(Number) as [number, number, number]
      return Date.UTC(y, m - 1, d) / 86_400_000
    }
    const today = dayNumber(now)
    return (date: Date) => today - dayNumber(date)
  }, [timeZone, now])
}

/** Labels for the thread's day dividers: "Today", "Yesterday", then the date. */
export function useDayLabel() {
  const t = useTranslations('conversations')
  const format = useDateFormatter()
  const daysAgo = useDayDistance()
  return (date: Date) => {
    const days = daysAgo(date)
    if (days === 0) return t('today')
    if (days === 1) return t('yesterday')
    return format.dateTime(date, days < 300 ? { day: 'numeric', month: 'long' } : { dateStyle: 'long' })
  }
}

/** A compact time for the conversation list: 14:05, Yesterday, Mon, or 12.03.25. */
export function useListTime() {
  const t = useTranslations('conversations')
  const format = useDateFormatter()
  const daysAgo = useDayDistance()
  return (date: Date) => {
    const days = daysAgo(date)
    if (days === 0) return format.dateTime(date, { hour: '2-digit', minute: '2-digit' })
    if (days === 1) return t('yesterday')
    if (days < 7) return format.dateTime(date, { weekday: 'short' })
    return format.dateTime(date, { day: '2-digit', month: '2-digit', year: '2-digit' })
  }
}

/** The day a message belongs to, as a stable key for grouping. */
export function useDayKey() {
  const timeZone = useTimeZone()
  return useMemo(() => {
    const keyFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    return (date: Date) => keyFormat.format(date)
  }, [timeZone])
}
