import { describe, expect, it } from 'vitest'
import { formatAsYouType, maskPhone, parsePhoneInput } from './phone-number'

const e164 = (input: string) => {
  const parsed = parsePhoneInput(input)
  return parsed.ok ? parsed.e164 : parsed.problem
}

describe('parsePhoneInput (new chats)', () => {
  it('reads the Kyrgyz forms people type as one E.164 number', () => {
    for (const typed of ['0555 123 456', '555 123 456', '+996 555 123 456', '+996 (555) 12-34-56', '00996555123456', '996555123456', ' 0555-123-456 ']) {
      expect(e164(typed), typed).toBe('+996555123456')
    }
  })

  it('reads other countries by their code: Kazakhstan and Russia share +7', () => {
    expect(parsePhoneInput('+7 701 123 4567')).toMatchObject({ ok: true, e164: '+77011234567', country: 'KZ', digits: '77011234567' })
    expect(parsePhoneInput('+7 916 123-45-67')).toMatchObject({ ok: true, e164: '+79161234567', country: 'RU', international: '+7 916 123 45 67' })
    expect(e164('79161234567')).toBe('+79161234567')
    expect(e164('+1 202 555 0123')).toBe('+12025550123')
  })

  it('says why a number is refused', () => {
    expect(e164('')).toBe('empty')
    expect(e164('   ')).toBe('empty')
    expect(e164('abc')).toBe('notANumber')
    expect(e164('0555 abc 456')).toBe('notANumber')
    expect(e164('1'.repeat(40))).toBe('notANumber')
    expect(e164('123')).toBe('tooShort')
    expect(e164('+996 555')).toBe('tooShort')
    expect(e164('+996 555 123 456 789')).toBe('tooLong')
    expect(e164('+999 123 456')).toBe('invalidCountry')
    // The right length for Kyrgyzstan, but no operator uses 0111.
    expect(e164('0111 123 456')).toBe('invalid')
  })

  it('formats as the person types, and masks numbers for logs', () => {
    expect(formatAsYouType('0555123')).toBe('0555 123')
    expect(formatAsYouType('+996555123456')).toBe('+996 555 123 456')
    expect(formatAsYouType('00996555')).toBe('+996 555')
    expect(maskPhone('+996555123456')).toBe('+99655***3456')
    expect(maskPhone('+996555123456')).not.toContain('123456')
  })
})
