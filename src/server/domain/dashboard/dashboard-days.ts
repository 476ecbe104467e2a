/**
 * Calendar days of the dashboard: the organization's local days (its settings' time zone), as
 * `YYYY-MM-DD` keys, oldest first, ending today. The SQL groups by the same local date, so a message
 * written at 23:30 in Bishkek counts on that Bishkek day whatever the server's or the browser's zone.
 */
import { localClock, localDayStart } from '~/shared/quiet-hours'

export interface DayRange {
  /** Local midnight starting the first day. */
  from: Date
  /** Local midnight after the last day (today). */
  to: Date
  /** The days, oldest first. */
  days: string[]
}

/** The local date of `at` in `timeZone` as `YYYY-MM-DD`. */
export function localDayKey(at: Date | number, timeZone: string): string {
  const { year, month, day } = localClock(at, timeZone)
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The last `count` local days up to and including today (DST-aware: a day may last 23 or 25 hours). */
export function lastLocalDays(now: Date, count: number, timeZone: string): DayRange {
  const days: string[] = []
  for (let i = count - 1; i >= 0; i--) days.push(localDayKey(localDayStart(now, -i, timeZone), timeZone))
  return { from: localDayStart(now, -(count - 1), timeZone), to: localDayStart(now, 1, timeZone), days }
}
