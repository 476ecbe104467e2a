/**
 * Quiet hours in an organization's time zone, pure and shared by the send worker (holding bulk and
 * agent messages), the finish-time estimate and the settings page. Wall-clock arithmetic across time
 * zones and DST goes through @date-fns/tz (TZDate), not hand-made offsets.
 */
import { TZDate } from '@date-fns/tz'

export interface QuietHours {
  enabled: boolean
  /** "HH:MM", local time; the span may wrap midnight (21:00–09:00). */
  start: string
  end: string
}

/** Messages held by quiet hours go out spread over this long after the end, not all at once. */
export const QUIET_SPREAD_MS = 60 * 60 * 1000

/** A human reply goes even in quiet hours when the customer wrote within this time (WhatsApp's service window). */
export const HUMAN_REPLY_WINDOW_MS = 24 * 60 * 60 * 1000

/** Minutes since midnight of "HH:MM". */
export function clockMinutes(value: string): number {
  const [h, m] = value.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/** The wall clock at `at` in `timeZone`. */
export function localClock(at: Date | number, timeZone: string) {
  const d = new TZDate(typeof at === 'number' ? at : at.getTime(), timeZone)
  return { year: d.getFullYear(), month: d.getMonth(), day: d.getDate(), minutes: d.getHours() * 60 + d.getMinutes() }
}

/** Whether `at` falls in the quiet hours (start inclusive, end exclusive). */
export function isQuietAt(at: Date | number, timeZone: string, quiet: QuietHours): boolean {
  if (!quiet.enabled) return false
  const start = clockMinutes(quiet.start)
  const end = clockMinutes(quiet.end)
  if (start === end) return false
  const { minutes } = localClock(at, timeZone)
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end
}

/** The first moment after `at` when the local clock reads `clock` ("HH:MM"), DST-aware. */
export function nextLocalTime(at: Date | number, timeZone: string, clock: string): Date {
  const t = typeof at === 'number' ? at : at.getTime()
  const { year, month, day } = localClock(t, timeZone)
  const minutes = clockMinutes(clock)
  for (let plus = 0; plus < 3; plus++) {
    const candidate = new TZDate(year, month, day + plus, Math.floor(minutes / 60), minutes % 60, timeZone)
    if (candidate.getTime() > t) return new Date(candidate.getTime())
  }
  return new Date(t + 24 * 60 * 60 * 1000)
}

/** When the quiet hours that contain `at` end; null when `at` is not in quiet hours. */
export function quietEndAfter(at: Date | number, timeZone: string, quiet: QuietHours): Date | null {
  if (!isQuietAt(at, timeZone, quiet)) return null
  return nextLocalTime(at, timeZone, quiet.end)
}

/** A stable offset in [0, spreadMs) for a message id: held messages wake spread over the window, each always at the same point. */
export function spreadOffsetMs(key: string, spreadMs = QUIET_SPREAD_MS): number {
  // FNV-1a, 32 bits: stable across processes and restarts, so a re-checked message keeps its time.
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return Math.floor((hash / 0x1_0000_0000) * spreadMs)
}

/** Whole calendar days from the local date of `from` to the local date of `at` (0 = the same local day). */
export function localDaysBetween(from: Date | number, at: Date | number, timeZone: string): number {
  const a = localClock(from, timeZone)
  const b = localClock(at, timeZone)
  return Math.round((Date.UTC(b.year, b.month, b.day) - Date.UTC(a.year, a.month, a.day)) / 86_400_000)
}

/** Local midnight starting the day `days` after the local date of `from`. */
export function localDayStart(from: Date | number, days: number, timeZone: string): Date {
  const { year, month, day } = localClock(from, timeZone)
  return new Date(new TZDate(year, month, day + days, 0, 0, timeZone).getTime())
}
