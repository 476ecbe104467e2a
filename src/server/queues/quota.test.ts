import { describe, expect, it } from 'vitest'
import { decideQuota } from './quota'

const limits = { minute: 10, hour: 100, day: 500 }
const fresh = { minute: { used: 0, pttl: -2 }, hour: { used: 0, pttl: -2 }, day: { used: 0, pttl: -2 } }
const now = Date.UTC(2026, 10, 25, 12, 0, 0)

describe('quota arithmetic', () => {
  it('allows within every window and reports what remains', () => {
    const d = decideQuota(limits, fresh, 1, now)
    expect(d.allowed).toBe(true)
    expect(d.windows.minute.remaining).toBe(9)
    expect(d.windows.hour.remaining).toBe(99)
    expect(d.windows.day.remaining).toBe(499)
    // A window that has not started resets a full window from now.
    expect(d.windows.minute.resetAt.getTime()).toBe(now + 60_000)
    expect(d.windows.day.resetAt.getTime()).toBe(now + 86_400_000)
  })

  it('refuses the first window that would overflow, with its reset time and nothing consumed', () => {
    const state = { minute: { used: 10, pttl: 12_000 }, hour: { used: 40, pttl: 1_000_000 }, day: { used: 40, pttl: 50_000_000 } }
    const d = decideQuota(limits, state, 1, now)
    expect(d.allowed).toBe(false)
    expect(d.window).toBe('minute')
    expect(d.limit).toBe(10)
    expect(d.remaining).toBe(0)
    expect(d.resetAt.getTime()).toBe(now + 12_000)
    expect(d.windows.hour.remaining).toBe(60)
  })

  it('a batch must fit whole', () => {
    const state = { ...fresh, day: { used: 480, pttl: 3_600_000 } }
    expect(decideQuota({ ...limits, minute: Number.MAX_SAFE_INTEGER, hour: Number.MAX_SAFE_INTEGER }, state, 21, now)).toMatchObject({
      allowed: false,
      window: 'day',
      remaining: 20,
    })
    expect(decideQuota({ ...limits, minute: Number.MAX_SAFE_INTEGER, hour: Number.MAX_SAFE_INTEGER }, state, 20, now).allowed).toBe(true)
  })

  it('exactly at the limit is allowed; one more is not', () => {
    const state = { ...fresh, minute: { used: 9, pttl: 30_000 } }
    expect(decideQuota(limits, state, 1, now).allowed).toBe(true)
    expect(decideQuota(limits, { ...fresh, minute: { used: 10, pttl: 30_000 } }, 1, now).allowed).toBe(false)
  })
})
