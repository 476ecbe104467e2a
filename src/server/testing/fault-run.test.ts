import { describe, expect, it } from 'vitest'
import { countOutOfOrder, formatFaultTable } from './fault-run'

const replies = new Map([
  ['a1', { chatId: 'a', seq: 0 }],
  ['a2', { chatId: 'a', seq: 1 }],
  ['a3', { chatId: 'a', seq: 2 }],
  ['b1', { chatId: 'b', seq: 0 }],
  ['b2', { chatId: 'b', seq: 1 }],
])
const sends = (...texts: string[]) => texts.map((text) => ({ chatId: replies.get(text)!.chatId, text }))

describe('countOutOfOrder', () => {
  it('counts nothing when each conversation keeps its order, however conversations interleave', () => {
    expect(countOutOfOrder(sends('b1', 'a1', 'a2', 'b2', 'a3'), replies)).toBe(0)
  })

  it('counts each reply sent while an earlier one of its conversation was still waiting', () => {
    expect(countOutOfOrder(sends('a2', 'a1', 'a3', 'b2', 'b1'), replies)).toBe(2)
    expect(countOutOfOrder(sends('a3', 'a2', 'a1'), replies)).toBe(2)
  })

  it('judges a reply sent twice by its first send (the duplicate is counted apart)', () => {
    expect(countOutOfOrder(sends('a1', 'a2', 'a1', 'a3'), replies)).toBe(0)
  })
})

describe('formatFaultTable', () => {
  it('prints one row per scenario with a dash for a wait that ran out, and the notes below', () => {
    const table = formatFaultTable([
      {
        scenario: 'Redis lost',
        injectedIncoming: 48,
        injectedReplies: 16,
        storedIncoming: 48,
        storedReplies: 16,
        delivered: 15,
        lostIncoming: 0,
        lostReplies: 1,
        duplicatedIncoming: 0,
        duplicatedReplies: 0,
        outOfOrder: 0,
        resumedSeconds: 1.234,
        drainedSeconds: null,
        note: 'one reply stranded',
      },
    ])
    const lines = table.split('\n')
    expect(lines[2]).toMatch(/^\| Redis lost \| 48 in \/ 16 out \| 48 \/ 16 +\| 15 +\| 0 \/ 1 +\| 0 \/ 0 +\| 0 +\| 1\.2 +\| — +\|$/)
    expect(lines.at(-1)).toBe('- Redis lost: one reply stranded')
  })
})
