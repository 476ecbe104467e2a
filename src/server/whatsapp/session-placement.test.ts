import { describe, expect, it } from 'vitest'
import { defaultMaxSessions, rebalanceCount } from './session-placement'

const GiB = 2 ** 30

describe('defaultMaxSessions', () => {
  it('derives the capacity from memory and the engine', () => {
    // (24 GiB − 1 GiB) × 0.8 / 400 MiB = 47.1 → 47 real sessions.
    expect(defaultMaxSessions('webjs', 24 * GiB)).toBe(47)
    expect(defaultMaxSessions('webjs', 4 * GiB)).toBe(6)
    // A tiny machine still runs one.
    expect(defaultMaxSessions('webjs', 1 * GiB)).toBe(1)
    expect(defaultMaxSessions('simulator', 4 * GiB)).toBe(1228)
    expect(defaultMaxSessions('simulator', 64 * GiB)).toBe(2000)
  })
})

describe('rebalanceCount', () => {
  const node = (node: string, load: number, capacity = 100) => ({ node, load, capacity })

  it('hands sessions over only while over its share and another node with room runs less', () => {
    expect(rebalanceCount('a', [node('a', 60), node('b', 0), node('c', 0)], 5)).toBe(5)
    expect(rebalanceCount('a', [node('a', 22), node('b', 20), node('c', 18)], 5)).toBe(2)
    expect(rebalanceCount('a', [node('a', 20), node('b', 20), node('c', 20)], 5)).toBe(0)
    expect(rebalanceCount('a', [node('a', 21), node('b', 20), node('c', 20)], 5)).toBe(0)
    // The others are full: nothing to hand over.
    expect(rebalanceCount('a', [node('a', 30), node('b', 10, 10)], 5)).toBe(0)
    // Alone, or not registered: nothing.
    expect(rebalanceCount('a', [node('a', 30)], 5)).toBe(0)
    expect(rebalanceCount('a', [node('b', 30), node('c', 0)], 5)).toBe(0)
  })
})
