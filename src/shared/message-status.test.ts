import { describe, expect, it } from 'vitest'
import { mayAdvance, mayReplace, mayRetry, PENDING_RETRY_AFTER_MS, statusesBefore } from './message-status'

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

describe('mayRetry', () => {
  const now = Date.parse('2026-12-01T12:00:00Z')
  const ago = (ms: number) => new Date(now - ms)
  it.each([
    ['FAILED, just now', 'FAILED', ago(0), true],
    ['PENDING for 1 minute', 'PENDING', ago(60_000), false],
    ['PENDING for exactly the threshold', 'PENDING', ago(PENDING_RETRY_AFTER_MS), true],
    ['PENDING for 10 minutes (stranded)', 'PENDING', ago(600_000), true],
    ['SENT long ago', 'SENT', ago(600_000), false],
  ] as const)('%s → %s', (_name, status, createdAt, expected) => {
    expect(mayRetry({ status, createdAt }, now)).toBe(expected)
  })

  it('takes the threshold the server configures, and ISO strings from the wire', () => {
    expect(mayRetry({ status: 'PENDING', createdAt: ago(30_000).toISOString() }, now, 10_000)).toBe(true)
  })
})
