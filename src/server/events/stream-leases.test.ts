import { describe, expect, it } from 'vitest'
import { createStreamLeases, MAX_STREAMS_PER_USER } from './stream-leases'

describe('stream leases', () => {
  it('caps one user at 10 streams by closing the oldest', () => {
    expect(MAX_STREAMS_PER_USER).toBe(10)
    const leases = createStreamLeases()
    const held = Array.from({ length: 10 }, () => leases.open('u1'))
    expect(held.some((l) => l.signal.aborted)).toBe(false)
    const eleventh = leases.open('u1')
    expect(held[0]!.signal.aborted).toBe(true)
    expect(held.slice(1).some((l) => l.signal.aborted)).toBe(false)
    expect(eleventh.signal.aborted).toBe(false)
    expect(leases.count('u1')).toBe(10)
  })

  it('counts users apart and gives slots back on release', () => {
    const leases = createStreamLeases(2)
    const a1 = leases.open('a')
    const a2 = leases.open('a')
    const b1 = leases.open('b')
    a1.release()
    a1.release()
    const a3 = leases.open('a')
    expect([a2, a3, b1].map((l) => l.signal.aborted)).toEqual([false, false, false])
    expect(leases.count('a')).toBe(2)
    a2.release()
    a3.release()
    expect(leases.count('a')).toBe(0)
  })
})
