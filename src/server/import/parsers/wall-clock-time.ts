/**
 * Wall-clock times (what a chat export prints, with no zone) to instants, in an IANA time zone, with
 * nothing but Intl. Asia/Bishkek is the default: most of our exports come from phones set to it.
 */

/** The zone exports are read in unless the caller says otherwise. */
export const DEFAULT_EXPORT_TIME_ZONE = 'Asia/Bishkek'

export interface WallClock {
  year: number
  /** 1…12 */
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

const formatters = new Map<string, Intl.DateTimeFormat | null>()

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  if (formatters.has(timeZone)) return formatters.get(timeZone) ?? null
  let formatter: Intl.DateTimeFormat | null = null
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    })
  } catch {
    formatter = null
  }
  if (formatters.size > 100) formatters.clear()
  formatters.set(timeZone, formatter)
  return formatter
}

/** Whether Intl knows the zone (`Asia/Bishkek`, `UTC`, `Europe/Moscow`…). */
export function isValidTimeZone(timeZone: string): boolean {
  return typeof timeZone === 'string' && formatterFor(timeZone) !== null
}

/** Milliseconds since the epoch for a wall clock read as UTC (any year, unlike Date.UTC's 0…99 quirk). */
function utcMillis(clock: WallClock): number {
  const date = new Date(0)
  date.setUTCFullYear(clock.year, clock.month - 1, clock.day)
  date.setUTCHours(clock.hour, clock.minute, clock.second, 0)
  return date.getTime()
}

/** The zone's offset from UTC at an instant, in milliseconds (Bishkek: +6 h). */
function offsetAt(instant: number, formatter: Intl.DateTimeFormat): number {
  const parts: Record<string, string> = {}
  for (const part of formatter.formatToParts(new Date(instant))) parts[part.type] = part.value
  const year = Number(parts.year)
  const clock: WallClock = {
    year: parts.era === 'BC' || parts.era === 'B' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
  const offset = utcMillis(clock) - Math.floor(instant / 1000) * 1000
  return Number.isFinite(offset) ? offset : 0
}

/** Whether the fields form a real calendar date and time (no 31 April, no 25:00). */
export function isValidWallClock(clock: WallClock): boolean {
  const { year, month, day, hour, minute, second } = clock
  if (![year, month, day, hour, minute, second].every(Number.isInteger)) return false
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate()
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return day <= (month === 2 ? (leap ? 29 : 28) : daysInMonth)
}

/**
 * The instant a wall clock denotes in a time zone. With 'UTC' the Date's UTC fields equal the wall
 * clock. Like Temporal's 'compatible' choice: a time that occurs twice (DST ends) is the earlier one, a
 * time skipped by DST is moved forward. An unknown zone falls back to DEFAULT_EXPORT_TIME_ZONE.
 * Returns null for an impossible date or time.
 */
export function wallClockToInstant(clock: WallClock, timeZone: string = DEFAULT_EXPORT_TIME_ZONE): Date | null {
  if (!isValidWallClock(clock)) return null
  const asUtc = utcMillis(clock)
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return new Date(asUtc)
  const formatter = formatterFor(timeZone) ?? formatterFor(DEFAULT_EXPORT_TIME_ZONE)
  if (!formatter) return new Date(asUtc)
  // The offset a few hours either side covers both offsets around any DST change.
  const offsets = new Set([offsetAt(asUtc - 12 * 3_600_000, formatter), offsetAt(asUtc + 12 * 3_600_000, formatter)])
  const consistent = [...offsets].map((offset) => asUtc - offset).filter((t) => offsetAt(t, formatter) === asUtc - t)
  const instant = consistent.length ? Math.min(...consistent) : asUtc - Math.min(...offsets)
  const date = new Date(instant)
  return Number.isNaN(date.getTime()) ? null : date
}
