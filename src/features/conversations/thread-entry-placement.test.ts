import { describe, expect, it } from 'vitest'
import { placeEntries } from './thread-entry-placement'

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute))
const messages = [
  { id: 'm1', createdAt: at(1) },
  { id: 'm2', createdAt: at(5) },
]

describe('placeEntries', () => {
  it('puts an entry before the first later message, and later ones at the end', () => {
    const placed = placeEntries(
      messages,
      [
        { id: 'e1', createdAt: at(3) },
        { id: 'e2', createdAt: at(9) },
      ],
      false,
    )
    expect(placed.before.get('m2')?.map((e) => e.id)).toEqual(['e1'])
    expect(placed.trailing.map((e) => e.id)).toEqual(['e2'])
  })

  it('holds back entries older than the loaded messages while older ones remain, shows them at the top otherwise', () => {
    const old = [{ id: 'e0', createdAt: at(0) }]
    expect(placeEntries(messages, old, true).before.size).toBe(0)
    expect(
      placeEntries(messages, old, false)
        .before.get('m1')
        ?.map((e) => e.id),
    ).toEqual(['e0'])
  })

  it('with no messages every entry trails', () => {
    expect(placeEntries([], [{ id: 'e', createdAt: at(2) }], false).trailing).toHaveLength(1)
  })
})
