import { describe, expect, it } from 'vitest'
import { isQuietAt, localDaysBetween, localDayStart, nextLocalTime, quietEndAfter, spreadOffsetMs } from './quiet-hours'

const quiet = { enabled: true, start: '21:00', end: '09:00' }
// Asia/Bishkek is UTC+6 all year.
const bishkek = (iso: string) => new Date(`${iso}+06:00`)

describe('quiet hours in the organization time zone', () => {
  it('wraps midnight: 22:00 and 03:00 are quiet, 09:00 and 20:59 are not', () => {
    expect(isQuietAt(bishkek('2026-12-01T22:00:00'), 'Asia/Bishkek', quiet)).toBe(true)
    expect(isQuietAt(bishkek('2026-12-02T03:00:00'), 'Asia/Bishkek', quiet)).toBe(true)
    expect(isQuietAt(bishkek('2026-12-02T09:00:00'), 'Asia/Bishkek', quiet)).toBe(false)
    expect(isQuietAt(bishkek('2026-12-01T20:59:00'), 'Asia/Bishkek', quiet)).toBe(false)
  })

  it('uses the zone: 22:00 in Bishkek is 17:00 in Berlin (CET), not quiet there', () => {
    const at = bishkek('2026-12-01T22:00:00')
    expect(isQuietAt(at, 'Europe/Berlin', quiet)).toBe(false)
  })

  it('a span inside one day (13:00–14:00) and turned off', () => {
    const lunch = { enabled: true, start: '13:00', end: '14:00' }
    expect(isQuietAt(bishkek('2026-12-01T13:30:00'), 'Asia/Bishkek', lunch)).toBe(true)
    expect(isQuietAt(bishkek('2026-12-01T14:00:00'), 'Asia/Bishkek', lunch)).toBe(false)
    expect(isQuietAt(bishkek('2026-12-01T22:00:00'), 'Asia/Bishkek', { ...quiet, enabled: false })).toBe(false)
  })

  it('ends at the next local 09:00: the same morning after midnight, the next morning before it', () => {
    expect(quietEndAfter(bishkek('2026-12-01T22:00:00'), 'Asia/Bishkek', quiet)?.toISOString()).toBe('2026-12-02T03:00:00.000Z')
    expect(quietEndAfter(bishkek('2026-12-02T02:00:00'), 'Asia/Bishkek', quiet)?.toISOString()).toBe('2026-12-02T03:00:00.000Z')
    expect(quietEndAfter(bishkek('2026-12-02T12:00:00'), 'Asia/Bishkek', quiet)).toBeNull()
  })

  it('is DST-aware: 09:00 in New York after the March change is 13:00 UTC, before it 14:00 UTC', () => {
    expect(nextLocalTime(new Date('2026-03-08T12:00:00Z'), 'America/New_York', '09:00').toISOString()).toBe('2026-03-08T13:00:00.000Z')
    expect(nextLocalTime(new Date('2026-03-07T12:00:00Z'), 'America/New_York', '09:00').toISOString()).toBe('2026-03-07T14:00:00.000Z')
  })

  it('spreads held messages: stable per id, inside the window, not all at the same point', () => {
    const offsets = Array.from({ length: 200 }, (_, i) => spreadOffsetMs(`msg-${i}`, 3_600_000))
    expect(spreadOffsetMs('msg-1', 3_600_000)).toBe(offsets[1])
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...offsets)).toBeLessThan(3_600_000)
    expect(new Set(offsets.map((o) => Math.floor(o / 600_000))).size).toBe(6)
  })

  it('counts calendar days in the zone and finds local midnights', () => {
    // 23:30 and 00:30 Bishkek are different local days though one hour apart.
    expect(localDaysBetween(bishkek('2026-12-01T23:30:00'), bishkek('2026-12-02T00:30:00'), 'Asia/Bishkek')).toBe(1)
    expect(localDaysBetween(bishkek('2026-12-01T00:30:00'), bishkek('2026-12-01T23:30:00'), 'Asia/Bishkek')).toBe(0)
    expect(localDayStart(bishkek('2026-12-01T15:00:00'), 14, 'Asia/Bishkek').toISOString()).toBe('2026-12-14T18:00:00.000Z')
  })
})
