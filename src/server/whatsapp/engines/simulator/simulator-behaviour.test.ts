import { describe, expect, it } from 'vitest'
import { drawPercent, NO_BEHAVIOUR, outcomeOf } from './simulator-behaviour'

describe('simulated recipients’ answers', () => {
  it('are the same for the same seed, and differ for another seed', () => {
    const run = (seed: number) => Array.from({ length: 50 }, (_, n) => drawPercent(seed, n))
    expect(run(7)).toEqual(run(7))
    expect(run(7)).not.toEqual(run(8))
  })

  it('fall into the proportions set', () => {
    const behaviour = { ...NO_BEHAVIOUR, notOnWhatsAppPercent: 10, failAckPercent: 20, undeliveredPercent: 30, blockedPercent: 5, seed: 3 }
    const counts: Record<string, number> = {}
    for (let n = 1; n <= 10_000; n++) {
      const outcome = outcomeOf(behaviour, drawPercent(behaviour.seed, n))
      counts[outcome] = (counts[outcome] ?? 0) + 1
    }
    expect(counts.notOnWhatsApp! / 100).toBeCloseTo(10, -0.5)
    expect(counts.failAck! / 100).toBeCloseTo(20, -0.5)
    expect(counts.undelivered! / 100).toBeCloseTo(30, -0.5)
    expect(counts.blocked! / 100).toBeCloseTo(5, -0.5)
    expect(counts.ok! / 100).toBeCloseTo(35, -0.5)
  })

  it('with nothing set, every send is fine', () => {
    expect(outcomeOf(NO_BEHAVIOUR, 0)).toBe('ok')
    expect(outcomeOf({ ...NO_BEHAVIOUR, failAckPercent: 100 }, 99.99)).toBe('failAck')
  })
})
