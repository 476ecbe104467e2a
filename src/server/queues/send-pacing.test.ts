import { describe, expect, it } from 'vitest'
import { seededRandom as seeded } from '../testing/seeded-random'
import { JITTER, paceJitter, paceStep, WINDOW_MARGIN_MS } from './send-pacing'

describe('pacing jitter', () => {
  it('is an even step of (60 s + the window margin) / messagesPerMinute', () => {
    expect(paceStep(10)).toBe(Math.ceil((60_000 + WINDOW_MARGIN_MS) / 10))
    expect(paceStep(7) * 7).toBeGreaterThanOrEqual(60_000 + WINDOW_MARGIN_MS)
    expect(paceStep(7) * 7).toBeLessThan(60_000 + WINDOW_MARGIN_MS + 7)
  })

  it('stays within ±JITTER of a step and is symmetric around the grid point (mean ≈ 0, both sides used)', () => {
    const random = seeded(42)
    const max = Math.round(paceStep(10) * JITTER)
    const offsets = Array.from({ length: 20_000 }, () => paceJitter(10, random))
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(-max)
    expect(Math.max(...offsets)).toBeLessThanOrEqual(max)
    const mean = offsets.reduce((a, b) => a + b, 0) / offsets.length
    expect(Math.abs(mean)).toBeLessThan(max * 0.02)
    expect(offsets.filter((o) => o < 0).length / offsets.length).toBeGreaterThan(0.48)
    expect(offsets.filter((o) => o > 0).length / offsets.length).toBeGreaterThan(0.48)
  })

  it('reaches both ends of the range', () => {
    const max = Math.round(paceStep(10) * JITTER)
    expect(paceJitter(10, () => 0)).toBe(-max)
    expect(paceJitter(10, () => 0.999_999)).toBe(max)
    expect(paceJitter(10, () => 0.5)).toBe(0)
  })
})
