import { describe, expect, it } from 'vitest'
import { estimateFinish, estimateStepMs, type FinishEstimateInput } from './finish-estimate'

const bishkek = (iso: string) => new Date(`${iso}+06:00`)
const base = (over: Partial<FinishEstimateInput> = {}): FinishEstimateInput => ({
  now: bishkek('2026-12-01T12:00:00'),
  count: 50,
  queuedAhead: 0,
  recentSends: [],
  perMinute: 10,
  perHour: 100,
  dayRemaining: 500,
  timeZone: 'Asia/Bishkek',
  quietHours: { enabled: true, start: '21:00', end: '09:00' },
  ...over,
})
const minutes = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 60_000

describe('the finish time of a bulk', () => {
  it('at 10/min, 50 messages take 49 even steps', () => {
    const e = estimateFinish(base())
    expect(e.startsAt.toISOString()).toBe(bishkek('2026-12-01T12:00:00').toISOString())
    expect(e.finishAt.getTime() - e.startsAt.getTime()).toBe(49 * estimateStepMs(10))
    expect(e).toMatchObject({ waitingForQuietHours: 0, fitsToday: true, truncated: false })
  })

  it('what is already queued goes first', () => {
    const e = estimateFinish(base({ queuedAhead: 30 }))
    expect(e.startsAt.getTime() - base().now.getTime()).toBe(30 * estimateStepMs(10))
  })

  it('the per-hour limit stretches a bulk past the hour', () => {
    // 20/min would send 100 in 5 min; at most 60 an hour, the last 40 wait for the hour to roll.
    const e = estimateFinish(base({ count: 100, perMinute: 20, perHour: 60 }))
    expect(minutes(base().now, e.finishAt)).toBeGreaterThan(60)
    expect(minutes(base().now, e.finishAt)).toBeLessThan(65)
  })

  it('sends of the last hour count against the hour', () => {
    const now = base().now
    const recentSends = Array.from({ length: 100 }, (_, i) => new Date(now.getTime() - 50 * 60_000 + i * 1000))
    const e = estimateFinish(base({ count: 1, recentSends }))
    expect(minutes(now, e.startsAt)).toBeCloseTo(10, 0)
  })

  it('a bulk at 22:00 Bishkek waits for 09:00 and spreads over the next hour', () => {
    const e = estimateFinish(base({ now: bishkek('2026-12-01T22:00:00'), count: 20 }))
    expect(e.waitingForQuietHours).toBe(20)
    expect(e.quietEndsAt?.toISOString()).toBe(bishkek('2026-12-02T09:00:00').toISOString())
    expect(e.startsAt.toISOString()).toBe(bishkek('2026-12-02T09:00:00').toISOString())
    // Spread over the hour (not 20 × 6 s = 2 minutes at 09:00).
    expect(minutes(bishkek('2026-12-02T09:00:00'), e.finishAt)).toBeGreaterThan(50)
    expect(minutes(bishkek('2026-12-02T09:00:00'), e.finishAt)).toBeLessThanOrEqual(60)
  })

  it('a bulk at 20:55 sends what it can before 21:00, the rest in the morning', () => {
    const e = estimateFinish(base({ now: bishkek('2026-12-01T20:55:00'), count: 80 }))
    expect(e.startsAt.toISOString()).toBe(bishkek('2026-12-01T20:55:00').toISOString())
    expect(e.waitingForQuietHours).toBe(80 - 50)
    expect(e.finishAt > bishkek('2026-12-02T09:00:00')).toBe(true)
  })

  it('says when the bulk does not fit in today’s quota (warm-up cap)', () => {
    expect(estimateFinish(base({ count: 50, dayRemaining: 20 }))).toMatchObject({ fitsToday: false, dayRemaining: 20 })
  })

  it('quiet hours off: no wait at night', () => {
    const e = estimateFinish(base({ now: bishkek('2026-12-01T22:00:00'), count: 5, quietHours: { enabled: false, start: '21:00', end: '09:00' } }))
    expect(e.waitingForQuietHours).toBe(0)
    expect(minutes(bishkek('2026-12-01T22:00:00'), e.finishAt)).toBeLessThan(1)
  })
})
