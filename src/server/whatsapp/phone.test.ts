import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import { createWhatsAppClientConfig, extractPhoneFromWhatsAppId, formatPhoneNumber, toE164 } from './phone'

describe('formatPhoneNumber', () => {
  it.each([
    ['+996 555 123 456', '996555123456@c.us'],
    ['+996555123456', '996555123456@c.us'],
    ['996555123456', '996555123456@c.us'],
    ['0555 123 456', '996555123456@c.us'],
    ['(0700) 98-76-54', '996700987654@c.us'],
    ['00996 772 111 222', '996772111222@c.us'],
    ['+7 701 123 4567', '77011234567@c.us'],
    ['996555123456@c.us', '996555123456@c.us'],
    ['123456789012345@lid', '123456789012345@lid'],
  ])('%s → %s', (input, expected) => {
    expect(formatPhoneNumber(input)).toBe(expected)
  })

  it.each(['', 'hello', '+996 12', '555', '+996 555 123 456 789 000', 'abc@g.us', '12345@g.us'])('refuses %j with a clear error', (input) => {
    try {
      formatPhoneNumber(input)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).code).toBe('BAD_REQUEST')
      expect((error as AppError).messageKey).toBe('phoneInvalid')
    }
  })

  it('toE164 uses Kyrgyzstan as the default region', () => {
    expect(toE164('0555123456')).toBe('+996555123456')
    expect(toE164('555 123 456')).toBe('+996555123456')
  })
})

describe('extractPhoneFromWhatsAppId', () => {
  it('reads the number of a @c.us id', () => {
    expect(extractPhoneFromWhatsAppId('996555123456@c.us')).toEqual({
      phone: '+996555123456',
      whatsappId: '996555123456@c.us',
      kind: 'phone',
    })
  })

  it('keeps a @lid id without inventing a number', () => {
    expect(extractPhoneFromWhatsAppId('201234567890123@lid')).toEqual({
      phone: null,
      whatsappId: '201234567890123@lid',
      kind: 'lid',
    })
  })

  it('drops the device suffix', () => {
    expect(extractPhoneFromWhatsAppId('996700987654:12@c.us').phone).toBe('+996700987654')
  })

  it('recognizes groups and broadcasts', () => {
    expect(extractPhoneFromWhatsAppId('120363025@g.us').kind).toBe('group')
    expect(extractPhoneFromWhatsAppId('status@broadcast').kind).toBe('broadcast')
  })
})

describe('createWhatsAppClientConfig', () => {
  it('gives import and integration separate ids and folders', () => {
    const live = createWhatsAppClientConfig('org_1', 'integration', '/data')
    const imp = createWhatsAppClientConfig('org_1', 'import', '/data')
    expect(live.clientId).toBe('org-org_1')
    expect(imp.clientId).toBe('import-org_1')
    expect(live.dataPath).toBe(path.resolve('/data/org-org_1'))
    expect(imp.dataPath).toBe(path.resolve('/data/import-org_1'))
    expect(live.sessionName).toBe('RemoteAuth-org-org_1')
    expect(live.dataPath).not.toBe(imp.dataPath)
  })

  it('refuses ids that could escape the folder', () => {
    expect(() => createWhatsAppClientConfig('../etc', 'integration')).toThrow()
  })
})
