import { describe, expect, it } from 'vitest'
import { mayAdvance, mayReplace, statusesBefore } from './message-status'

describe('message status order', () => {
  it('moves forward only, never out of or into FAILED by delivery progress', () => {
    expect(mayAdvance('SENT', 'DELIVERED')).toBe(true)
    expect(mayAdvance('PENDING', 'READ')).toBe(true)
    expect(mayAdvance('READ', 'DELIVERED')).toBe(false)
    expect(mayAdvance('DELIVERED', 'DELIVERED')).toBe(false)
    expect(mayAdvance('FAILED', 'READ')).toBe(false)
    expect(statusesBefore('READ')).toEqual(['PENDING', 'SENT', 'DELIVERED'])
    expect(statusesBefore('SENT')).toEqual(['PENDING'])
  })

  it('lets a cached message take a newer view, but not a late one', () => {
    expect(mayReplace('READ', 'DELIVERED')).toBe(false)
    expect(mayReplace('SENT', 'SENT')).toBe(true)
    expect(mayReplace('FAILED', 'PENDING')).toBe(true)
    expect(mayReplace('SENT', 'FAILED')).toBe(true)
    expect(mayReplace('PENDING', 'SKIPPED')).toBe(true)
    expect(mayReplace('SKIPPED', 'SENT')).toBe(false)
  })

  it('never moves a skipped message by delivery progress', () => {
    expect(mayAdvance('SKIPPED', 'SENT')).toBe(false)
    expect(mayAdvance('PENDING', 'SKIPPED')).toBe(false)
    expect(statusesBefore('SENT')).not.toContain('SKIPPED')
  })
})
