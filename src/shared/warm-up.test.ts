import { describe, expect, it } from 'vitest'
import { warmUpCurve, warmUpCurveCap, warmUpState, withDailyCap } from './warm-up'
import { getDefaultWhatsAppSettings, mergeWhatsAppSettings } from './whatsapp-settings'

const bishkek = (iso: string) => new Date(`${iso}+06:00`)

describe('warm-up of a new number', () => {
  it('follows the documented curve: 20, 20, 40, 40, 80, … 1280, then no cap', () => {
    expect(Array.from({ length: 15 }, (_, d) => warmUpCurveCap(d))).toEqual([
      20,
      20,
      40,
      40,
      80,
      80,
      160,
      160,
      320,
      320,
      640,
      640,
      1280,
      1280,
      Number.POSITIVE_INFINITY,
    ])
    expect(warmUpCurve(500).map((p) => p.cap)).toEqual([20, 20, 40, 40, 80, 80, 160, 160, 320, 320, 500, 500, 500, 500])
  })

  it('caps a number linked today at 20, on local day 3 at 40, and not after 14 local days', () => {
    const settings = getDefaultWhatsAppSettings()
    const linked = bishkek('2026-12-01T23:00:00')
    expect(warmUpState(settings, linked, bishkek('2026-12-01T23:59:00'))).toMatchObject({ active: true, day: 0, cap: 20, reason: 'newNumber' })
    // 00:30 the next local day is warm-up day 1; day 2 (3rd calendar day) doubles.
    expect(warmUpState(settings, linked, bishkek('2026-12-02T00:30:00'))).toMatchObject({ day: 1, cap: 20 })
    expect(warmUpState(settings, linked, bishkek('2026-12-03T10:00:00'))).toMatchObject({ day: 2, cap: 40 })
    expect(warmUpState(settings, linked, bishkek('2026-12-15T00:00:00'))).toMatchObject({ active: false, cap: 500 })
    expect(warmUpState(settings, linked, bishkek('2026-12-01T23:59:00')).endsAt?.toISOString()).toBe('2026-12-14T18:00:00.000Z')
  })

  it('an old number is not capped unless an admin flags it as new; the opt-out turns it off', () => {
    const old = new Date('2025-01-01T00:00:00Z')
    const now = bishkek('2026-12-05T12:00:00')
    expect(warmUpState(getDefaultWhatsAppSettings(), old, now)).toMatchObject({ active: false, cap: 500 })
    const flagged = mergeWhatsAppSettings(getDefaultWhatsAppSettings(), { warmUp: { markNew: true } }, bishkek('2026-12-04T10:00:00'))
    expect(warmUpState(flagged, old, now)).toMatchObject({ active: true, reason: 'markedNew', day: 1, cap: 20 })
    const off = mergeWhatsAppSettings(flagged, { warmUp: { enabled: false } })
    expect(warmUpState(off, old, now)).toMatchObject({ active: false, optedOut: true, cap: 500 })
    expect(warmUpState(getDefaultWhatsAppSettings(), null, now)).toMatchObject({ active: false, cap: 500 })
  })

  it('lowers only the daily limit of the settings a guarded send is counted against', () => {
    const settings = getDefaultWhatsAppSettings()
    expect(withDailyCap(settings, 20).rateLimiting).toEqual({ ...settings.rateLimiting, messagesPerDay: 20 })
    expect(withDailyCap(settings, 5000)).toBe(settings)
  })
})
