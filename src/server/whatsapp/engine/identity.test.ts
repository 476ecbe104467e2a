import { describe, expect, it } from 'vitest'
import { identityOfChat, toWaIdentity } from './identity'

describe('toWaIdentity', () => {
  it('maps the library serialized ids to a LID and an E.164 phone', () => {
    expect(toWaIdentity('140000000000123@lid', '996700500001@c.us')).toEqual({ lid: '140000000000123@lid', phone: '+996700500001' })
  })

  it('undefined sides (a hidden number, an unknown user) stay null', () => {
    expect(toWaIdentity('140000000000123@lid', undefined)).toEqual({ lid: '140000000000123@lid', phone: null })
    expect(toWaIdentity(undefined, undefined)).toEqual({ lid: null, phone: null })
  })

  it('ids in the wrong slot, groups, non-strings and junk are dropped', () => {
    expect(toWaIdentity('996700500001@c.us', '140000000000123@lid')).toEqual({ lid: null, phone: null })
    expect(toWaIdentity({ _serialized: '1@lid' }, 42)).toEqual({ lid: null, phone: null })
    expect(toWaIdentity('abc@lid', '120363000@g.us')).toEqual({ lid: null, phone: null })
  })
})

describe('identityOfChat', () => {
  it('a LID chat, a phone chat, anything else', () => {
    expect(identityOfChat('140000000000123@lid')).toEqual({ lid: '140000000000123@lid', phone: null })
    expect(identityOfChat('996700500001@c.us')).toEqual({ lid: null, phone: '+996700500001' })
    expect(identityOfChat('status@broadcast')).toEqual({ lid: null, phone: null })
  })
})
