import { describe, expect, it } from 'vitest'
import { isValidTimeZone, isValidWallClock, wallClockToInstant, type WallClock } from './wall-clock-time'

const clock = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0): WallClock => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
})

describe('wallClockToInstant', () => {
  it('keeps the wall clock as UTC fields with UTC', () => {
    expect(wallClockToInstant(clock(2024, 3, 14, 20, 1, 5), 'UTC')?.toISOString()).toBe('2024-03-14T20:01:05.000Z')
  })

  it('uses Asia/Bishkek (UTC+6) by default', () => {
    expect(wallClockToInstant(clock(2024, 3, 14, 20, 1))?.toISOString()).toBe('2024-03-14T14:01:00.000Z')
  })

  it.each([
    ['Europe/Moscow', '2024-07-01T09:00:00.000Z'],
    ['America/New_York', '2024-07-01T16:00:00.000Z'],
    ['Asia/Kathmandu', '2024-07-01T06:15:00.000Z'],
    ['Asia/Almaty', '2024-07-01T07:00:00.000Z'],
  ])('converts noon in %s', (zone, expected) => {
    expect(wallClockToInstant(clock(2024, 7, 1, 12), zone)?.toISOString()).toBe(expected)
  })

  it('takes the earlier instant for a time that happens twice (DST ends)', () => {
    expect(wallClockToInstant(clock(2024, 10, 27, 2, 30), 'Europe/Berlin')?.toISOString()).toBe('2024-10-27T00:30:00.000Z')
  })

  it('moves a time skipped by DST forward', () => {
    expect(wallClockToInstant(clock(2024, 3, 31, 2, 30), 'Europe/Berlin')?.toISOString()).toBe('2024-03-31T01:30:00.000Z')
  })

  it('falls back to Asia/Bishkek for an unknown zone', () => {
    expect(wallClockToInstant(clock(2024, 7, 1, 12), 'Not/AZone')?.toISOString()).toBe('2024-07-01T06:00:00.000Z')
  })

  it('is null for impossible dates and times', () => {
    expect(wallClockToInstant(clock(2023, 2, 29), 'UTC')).toBeNull()
    expect(wallClockToInstant(clock(2024, 4, 31), 'UTC')).toBeNull()
    expect(wallClockToInstant(clock(2024, 1, 1, 24), 'UTC')).toBeNull()
    expect(wallClockToInstant(clock(2024, 1, 1, 1, 60), 'UTC')).toBeNull()
  })

  it('reads years below 100 literally', () => {
    expect(wallClockToInstant(clock(50, 1, 1), 'UTC')?.getUTCFullYear()).toBe(50)
  })
})

describe('isValidWallClock', () => {
  it('knows leap years', () => {
    expect(isValidWallClock(clock(2024, 2, 29))).toBe(true)
    expect(isValidWallClock(clock(1900, 2, 29))).toBe(false)
    expect(isValidWallClock(clock(2000, 2, 29))).toBe(true)
  })
})

describe('isValidTimeZone', () => {
  it('accepts IANA zones and refuses nonsense', () => {
    expect(isValidTimeZone('Asia/Bishkek')).toBe(true)
    expect(isValidTimeZone('UTC')).toBe(true)
    expect(isValidTimeZone('Asia/Nowhere')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
  })
})
