import { describe, expect, it } from 'vitest'
import { titleWithCount, waitedMinutes, waitedParts, waitingLevel } from './waiting-level'

const at = (minutesAgo: number, now: Date) => new Date(now.getTime() - minutesAgo * 60_000)

describe('waiting level', () => {
  const now = new Date('2026-12-01T10:00:00Z')
  const thresholds = { amberMinutes: 5, redMinutes: 30 }

  it('is fresh below amber, amber from amber minutes, red from red minutes', () => {
    expect(waitingLevel(at(0, now), now, thresholds)).toBe('fresh')
    expect(waitingLevel(at(4.99, now), now, thresholds)).toBe('fresh')
    expect(waitingLevel(at(5, now), now, thresholds)).toBe('amber')
    expect(waitingLevel(at(29.9, now), now, thresholds)).toBe('amber')
    expect(waitingLevel(at(30, now), now, thresholds)).toBe('red')
    expect(waitingLevel(at(600, now), now, { amberMinutes: 60, redMinutes: 720 })).toBe('amber')
  })

  it('never counts a negative wait (a browser clock behind the server)', () => {
    expect(waitedMinutes(new Date(now.getTime() + 90_000), now)).toBe(0)
    expect(waitingLevel(new Date(now.getTime() + 90_000), now, thresholds)).toBe('fresh')
  })

  it('splits the wait into minutes, hours and minutes, or days', () => {
    expect(waitedParts(0)).toEqual({ unit: 'minutes', minutes: 0 })
    expect(waitedParts(59)).toEqual({ unit: 'minutes', minutes: 59 })
    expect(waitedParts(61)).toEqual({ unit: 'hours', hours: 1, minutes: 1 })
    expect(waitedParts(24 * 60 - 1)).toEqual({ unit: 'hours', hours: 23, minutes: 59 })
    expect(waitedParts(3 * 24 * 60 + 5)).toEqual({ unit: 'days', days: 3 })
  })
})

describe('the tab title', () => {
  it('shows the waiting count in front, replaces an old count and drops it at zero', () => {
    expect(titleWithCount('Диалоги · Soul CRM', 3)).toBe('(3) Диалоги · Soul CRM')
    expect(titleWithCount('(3) Диалоги · Soul CRM', 12)).toBe('(12) Диалоги · Soul CRM')
    expect(titleWithCount('(12) Диалоги · Soul CRM', 0)).toBe('Диалоги · Soul CRM')
    expect(titleWithCount('(1) (2) x', 0)).toBe('(2) x')
  })
})
