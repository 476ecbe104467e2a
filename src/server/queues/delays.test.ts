import { afterEach, describe, expect, it } from 'vitest'
import { DELAY_RANGES, delayFor, randomDelay, setDelaysEnabled } from './delays'

afterEach(() => setDelaysEnabled(undefined))

describe('delays', () => {
  it('randomDelay covers [min, max] inclusively', () => {
    expect(randomDelay(2000, 5000, () => 0)).toBe(2000)
    expect(randomDelay(2000, 5000, () => 0.999999)).toBe(5000)
    const samples = Array.from({ length: 2000 }, () => randomDelay(2000, 5000))
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(2000)
    expect(Math.max(...samples)).toBeLessThanOrEqual(5000)
    // Spread out, not constant: a bot-like fixed delay would fail this.
    expect(new Set(samples).size).toBeGreaterThan(500)
    expect(() => randomDelay(5, 1)).toThrow(RangeError)
  })

  it('uses the spec ranges when on: 2–5 s incoming, 2–10 s replies, 0.5–2 s between lookups', () => {
    setDelaysEnabled(true)
    expect(DELAY_RANGES).toEqual({ incoming: [2000, 5000], reply: [2000, 10000], lookupGap: [500, 2000] })
    for (let i = 0; i < 500; i++) {
      const incoming = delayFor('incoming')
      const reply = delayFor('reply')
      const gap = delayFor('lookupGap')
      expect(incoming).toBeGreaterThanOrEqual(2000)
      expect(incoming).toBeLessThanOrEqual(5000)
      expect(reply).toBeGreaterThanOrEqual(2000)
      expect(reply).toBeLessThanOrEqual(10000)
      expect(gap).toBeGreaterThanOrEqual(500)
      expect(gap).toBeLessThanOrEqual(2000)
    }
  })

  it('is zero when turned off', () => {
    setDelaysEnabled(false)
    expect(delayFor('incoming')).toBe(0)
    expect(delayFor('reply')).toBe(0)
  })
})
