import { describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { getDefaultWhatsAppSettings, mergeWhatsAppSettings, settingsWarnings, validateWhatsAppSettings } from './whatsapp-settings'

function issueMessages(fn: () => unknown): string[] {
  try {
    fn()
  } catch (error) {
    if (error instanceof ZodError) return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw error
  }
  return []
}

describe('WhatsApp settings', () => {
  it('defaults are conservative', () => {
    expect(getDefaultWhatsAppSettings()).toEqual({
      rateLimiting: { messagesPerMinute: 10, messagesPerHour: 100, messagesPerDay: 500, concurrency: 3 },
      safety: { enableMassSending: false, requireConfirmation: true, maxBatchSize: 50 },
      inbox: { sendReadReceipts: true, waitingAmberMinutes: 5, waitingRedMinutes: 30 },
      timeZone: 'Asia/Bishkek',
      quietHours: { enabled: true, start: '21:00', end: '09:00' },
      warmUp: { enabled: true, newSince: null },
      governor: expect.objectContaining({ minSample: 20, maxFailedPercent: 10 }),
    })
  })

  it('bounds the waiting thresholds and keeps red after amber', () => {
    expect(validateWhatsAppSettings({ inbox: { waitingAmberMinutes: 1440, waitingRedMinutes: 10080 } }).inbox.waitingRedMinutes).toBe(10080)
    expect(issueMessages(() => validateWhatsAppSettings({ inbox: { waitingAmberMinutes: 1441, waitingRedMinutes: 2000 } }))).toEqual([
      'inbox.waitingAmberMinutes: validation.amberTooLong',
    ])
    expect(issueMessages(() => validateWhatsAppSettings({ inbox: { waitingRedMinutes: 10081 } }))).toEqual(['inbox.waitingRedMinutes: validation.redTooLong'])
    expect(issueMessages(() => validateWhatsAppSettings({ inbox: { waitingAmberMinutes: 0 } }))).toEqual(['inbox.waitingAmberMinutes: validation.atLeastOne'])
    expect(issueMessages(() => validateWhatsAppSettings({ inbox: { waitingAmberMinutes: 2.5 } }))[0]).toMatch(/wholeNumber/)
    expect(issueMessages(() => validateWhatsAppSettings({ inbox: { waitingAmberMinutes: 30, waitingRedMinutes: 30 } }))).toEqual([
      'inbox.waitingRedMinutes: validation.redNotAfterAmber',
    ])
    // A patch keeps the other inbox fields.
    const merged = mergeWhatsAppSettings(getDefaultWhatsAppSettings(), { inbox: { sendReadReceipts: false } })
    expect(merged.inbox).toEqual({ sendReadReceipts: false, waitingAmberMinutes: 5, waitingRedMinutes: 30 })
  })

  it('validates the time zone and the quiet hours', () => {
    expect(validateWhatsAppSettings({ timeZone: 'Europe/Moscow' }).timeZone).toBe('Europe/Moscow')
    const issuesOf = (value: unknown) => issueMessages(() => validateWhatsAppSettings(value))
    expect(issuesOf({ timeZone: 'Mars/Olympus' })).toContain('timeZone: validation.timeZone')
    expect(issuesOf({ timeZone: 'x'.repeat(100) })).toContain('timeZone: validation.timeZone')
    expect(issuesOf({ quietHours: { start: '25:00' } })).toContain('quietHours.start: validation.clockTime')
    expect(issuesOf({ quietHours: { start: '09:00', end: '09:00' } })).toContain('quietHours.end: validation.quietHoursEmpty')
    expect(settingsWarnings(validateWhatsAppSettings({ warmUp: { enabled: false }, quietHours: { enabled: false } }))).toEqual(['warmUpOff', 'quietHoursOff'])
  })

  it('fills what is missing with defaults', () => {
    const s = validateWhatsAppSettings({ rateLimiting: { messagesPerMinute: 5 } })
    expect(s.rateLimiting).toEqual({ messagesPerMinute: 5, messagesPerHour: 100, messagesPerDay: 500, concurrency: 3 })
    expect(s.safety.enableMassSending).toBe(false)
    expect(validateWhatsAppSettings(undefined)).toEqual(getDefaultWhatsAppSettings())
  })

  it('refuses more than 20 messages a minute and other unsafe values', () => {
    expect(issueMessages(() => validateWhatsAppSettings({ rateLimiting: { messagesPerMinute: 21 } }))).toEqual([
      'rateLimiting.messagesPerMinute: validation.perMinuteTooHigh',
    ])
    expect(issueMessages(() => validateWhatsAppSettings({ rateLimiting: { concurrency: 10 } }))).toEqual([
      'rateLimiting.concurrency: validation.concurrencyTooHigh',
    ])
    expect(issueMessages(() => validateWhatsAppSettings({ safety: { maxBatchSize: 500 } }))).toEqual(['safety.maxBatchSize: validation.batchTooLarge'])
    expect(issueMessages(() => validateWhatsAppSettings({ rateLimiting: { messagesPerMinute: 0 } }))).toEqual([
      'rateLimiting.messagesPerMinute: validation.atLeastOne',
    ])
    expect(issueMessages(() => validateWhatsAppSettings({ rateLimiting: { messagesPerMinute: 2.5 } }))[0]).toMatch(/wholeNumber/)
  })

  it('refuses inconsistent windows', () => {
    expect(issueMessages(() => validateWhatsAppSettings({ rateLimiting: { messagesPerMinute: 20, messagesPerHour: 10 } }))).toEqual([
      'rateLimiting.messagesPerHour: validation.hourBelowMinute',
    ])
    expect(issueMessages(() => validateWhatsAppSettings({ rateLimiting: { messagesPerHour: 200, messagesPerDay: 100 } }))).toEqual([
      'rateLimiting.messagesPerDay: validation.dayBelowHour',
    ])
  })

  it('merges a patch over current values', () => {
    const merged = mergeWhatsAppSettings(getDefaultWhatsAppSettings(), { safety: { enableMassSending: true } })
    expect(merged.safety).toEqual({ enableMassSending: true, requireConfirmation: true, maxBatchSize: 50 })
    expect(merged.rateLimiting.messagesPerMinute).toBe(10)
  })

  it('warns about risky but allowed values', () => {
    expect(settingsWarnings(getDefaultWhatsAppSettings())).toEqual([])
    const risky = validateWhatsAppSettings({
      rateLimiting: { messagesPerMinute: 15, messagesPerHour: 200, messagesPerDay: 1000, concurrency: 4 },
      safety: { enableMassSending: true, requireConfirmation: false, maxBatchSize: 80 },
    })
    expect(settingsWarnings(risky)).toEqual([
      'perMinuteRisky',
      'perHourRisky',
      'perDayRisky',
      'concurrencyRisky',
      'batchRisky',
      'massSendingWithoutConfirmation',
    ])
  })
})

// --- governor (issue 12 point 1) ---
describe('governor settings', () => {
  it('admins may tune within the safe bounds', () => {
    const s = mergeWhatsAppSettings(getDefaultWhatsAppSettings(), { governor: { maxFailedPercent: 20, minSample: 10 } })
    expect(s.governor).toMatchObject({ maxFailedPercent: 20, minSample: 10, windowSends: 50 })
  })

  it('refuses a looser rule than the bounds, or a minimum sample larger than the window', () => {
    expect(issueMessages(() => validateWhatsAppSettings({ governor: { maxFailedPercent: 90 } }))).toEqual([
      'governor.maxFailedPercent: Too big: expected number to be <=50',
    ])
    expect(issueMessages(() => validateWhatsAppSettings({ governor: { minSample: 2 } }))).toHaveLength(1)
    expect(issueMessages(() => validateWhatsAppSettings({ governor: { minSample: 1.5 } }))).toContain('governor.minSample: validation.wholeNumber')
    expect(issueMessages(() => validateWhatsAppSettings({ governor: { windowSends: 30, minSample: 40 } }))).toEqual([
      'governor.minSample: validation.governorSampleAboveWindow',
    ])
  })
})

describe('a governor patch', () => {
  it('keeps the saved values of the fields it leaves out', async () => {
    const { whatsAppSettingsPatchSchema } = await import('./whatsapp-settings')
    const saved = mergeWhatsAppSettings(getDefaultWhatsAppSettings(), { governor: { windowSends: 20, minSample: 6 } })
    const patch = whatsAppSettingsPatchSchema.parse({ governor: { maxFailedPercent: 20 } })
    expect(mergeWhatsAppSettings(saved, patch).governor).toMatchObject({ windowSends: 20, minSample: 6, maxFailedPercent: 20 })
  })
})
