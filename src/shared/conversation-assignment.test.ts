import { describe, expect, it } from 'vitest'
import { findMentions, isMineOrUnassigned, snoozeUntilInput } from './conversation-assignment'

describe('isMineOrUnassigned', () => {
  it('is true for mine and for nobody’s, false for someone else’s', () => {
    expect(isMineOrUnassigned({ assigneeId: 'u1' }, 'u1')).toBe(true)
    expect(isMineOrUnassigned({ assigneeId: null }, 'u1')).toBe(true)
    expect(isMineOrUnassigned({ assigneeId: 'u2' }, 'u1')).toBe(false)
  })
})

describe('findMentions', () => {
  const members = [
    { id: 'a', name: 'Aida' },
    { id: 'ab', name: 'Aida Bekova' },
    { id: 'n', name: 'Нурлан' },
  ]
  it('finds full names, longest first, in any case', () => {
    expect(findMentions('@aida bekova посмотри', members).map((m) => m.id)).toEqual(['ab'])
    expect(
      findMentions('@Aida и @нурлан', members)
        .map((m) => m.id)
        .sort(),
    ).toEqual(['a', 'n'])
  })
  it('ignores a name that continues and text without @', () => {
    expect(findMentions('@Aidana, Нурлан', members)).toEqual([])
  })
})

describe('snoozeUntilInput', () => {
  it('accepts an hour from now and refuses the past and next year', () => {
    expect(snoozeUntilInput.safeParse(new Date(Date.now() + 3_600_000)).success).toBe(true)
    expect(snoozeUntilInput.safeParse(new Date(Date.now() + 3_600_000).toISOString()).success).toBe(true)
    expect(snoozeUntilInput.safeParse('не дата').success).toBe(false)
    expect(snoozeUntilInput.safeParse(new Date(Date.now() - 1000)).error?.issues[0]?.message).toBe('validation.snoozeInPast')
    expect(snoozeUntilInput.safeParse(new Date(Date.now() + 200 * 86_400_000)).error?.issues[0]?.message).toBe('validation.snoozeTooFar')
  })
})
