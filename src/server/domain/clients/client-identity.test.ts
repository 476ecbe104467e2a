import { describe, expect, it } from 'vitest'
import { identityLockKeys, normalizeIdentity, pickSurvivor, shouldResolveIdentity } from './client-identity'

const LID = '140000000000123@lid'

describe('normalizeIdentity', () => {
  it('a LID chat id is both the LID and the chat we send to; no phone is invented', () => {
    expect(normalizeIdentity({ whatsappId: LID })).toEqual({ phone: null, whatsappId: LID, lid: LID })
  })

  it('a phone makes the @c.us chat id; a LID given beside it is kept', () => {
    expect(normalizeIdentity({ phone: '0700 500 001', lid: LID })).toEqual({ phone: '+996700500001', whatsappId: '996700500001@c.us', lid: LID })
  })

  it('a phone chat id gives the phone', () => {
    expect(normalizeIdentity({ whatsappId: '996700500001@c.us' })).toEqual({ phone: '+996700500001', whatsappId: '996700500001@c.us', lid: null })
  })

  it('a LID with a device suffix becomes the plain LID chat', () => {
    expect(normalizeIdentity({ whatsappId: '140000000000123:7@lid' })).toEqual({ phone: null, whatsappId: LID, lid: LID })
  })

  it.each(['', '   ', '@lid', 'abc@lid', '1@lid@lid', '123@weird', '@c.us', 'x@c.us', '12@c.us'])('drops the malformed id %j', (whatsappId) => {
    expect(normalizeIdentity({ whatsappId })).toBeNull()
    expect(normalizeIdentity({ whatsappId, lid: whatsappId })).toBeNull()
  })

  it('groups and broadcasts identify nobody, even with a phone', () => {
    expect(normalizeIdentity({ whatsappId: '120363000000@g.us', phone: '+996700500001' })).toBeNull()
    expect(normalizeIdentity({ whatsappId: 'status@broadcast' })).toBeNull()
  })

  it('a malformed LID beside a good phone keeps the phone only', () => {
    expect(normalizeIdentity({ phone: '+996700500001', lid: 'oops@lid' })).toEqual({ phone: '+996700500001', whatsappId: '996700500001@c.us', lid: null })
  })
})

describe('identityLockKeys', () => {
  it('are scoped by organization, sorted and without repeats', () => {
    const keys = identityLockKeys('org1', { phone: '+996700500001', lid: LID, whatsappId: LID })
    expect(keys).toEqual([...keys].sort())
    expect(keys).toHaveLength(3)
    expect(keys.every((k) => k.startsWith('client:org1:'))).toBe(true)
    expect(identityLockKeys('org2', { lid: LID })).not.toEqual(identityLockKeys('org1', { lid: LID }))
  })
})

describe('pickSurvivor', () => {
  it('keeps the older client, whichever comes first', () => {
    const older = { id: 'b', createdAt: new Date('2026-01-01') }
    const newer = { id: 'a', createdAt: new Date('2026-02-01') }
    expect(pickSurvivor(older, newer)).toEqual({ survivor: older, merged: newer })
    expect(pickSurvivor(newer, older)).toEqual({ survivor: older, merged: newer })
  })

  it('breaks a tie by id, the same from both sides', () => {
    const at = new Date('2026-01-01')
    expect(pickSurvivor({ id: 'x', createdAt: at }, { id: 'y', createdAt: at }).survivor.id).toBe('x')
    expect(pickSurvivor({ id: 'y', createdAt: at }, { id: 'x', createdAt: at }).survivor.id).toBe('x')
  })
})

describe('shouldResolveIdentity', () => {
  it('asks for the phone of a LID chat while the client has none', () => {
    expect(shouldResolveIdentity(LID, { phone: null, lid: LID }, false)).toBe(true)
    expect(shouldResolveIdentity(LID, { phone: '+996700500001', lid: LID }, true)).toBe(false)
  })

  it('asks for the LID of a phone chat only while LID-only clients exist', () => {
    expect(shouldResolveIdentity('996700500001@c.us', { phone: '+996700500001', lid: null }, true)).toBe(true)
    expect(shouldResolveIdentity('996700500001@c.us', { phone: '+996700500001', lid: null }, false)).toBe(false)
    expect(shouldResolveIdentity('996700500001@c.us', { phone: '+996700500001', lid: LID }, true)).toBe(false)
  })

  it('never for groups or malformed ids', () => {
    expect(shouldResolveIdentity('120363000000@g.us', { phone: null, lid: null }, true)).toBe(false)
    expect(shouldResolveIdentity('abc@lid', { phone: null, lid: null }, true)).toBe(false)
  })
})
