import { describe, expect, it } from 'vitest'
import { buildUptimeStrip } from './connection-uptime'

const at = (iso: string) => new Date(iso)

describe('buildUptimeStrip', () => {
  const from = at('2026-11-20T00:00:00Z')
  const to = at('2026-11-20T04:00:00Z')

  it('gives each slot the state that lasted longest in it, the state before the range carrying in', () => {
    const strip = buildUptimeStrip(
      [
        { at: at('2026-11-19T00:00:00Z'), status: 'CONNECTED' },
        { at: at('2026-11-20T01:40:00Z'), status: 'QR_CODE_PENDING' },
        { at: at('2026-11-20T02:10:00Z'), status: 'CONNECTED' },
        { at: at('2026-11-20T03:30:00Z'), status: 'ERROR' },
      ],
      from,
      to,
      60,
    )
    expect(strip.slots.map((s) => s.state)).toEqual(['connected', 'connected', 'connected', 'error'])
    expect(strip.slots.map((s) => s.from.toISOString())).toEqual([
      '2026-11-20T00:00:00.000Z',
      '2026-11-20T01:00:00.000Z',
      '2026-11-20T02:00:00.000Z',
      '2026-11-20T03:00:00.000Z',
    ])
    // 240 minutes: 30 disconnected, 30 in error.
    expect(strip.connectedShare).toBeCloseTo(180 / 240, 6)
  })

  it('a tie goes to the outage, not to connected', () => {
    const strip = buildUptimeStrip(
      [
        { at: at('2026-11-20T00:00:00Z'), status: 'CONNECTED' },
        { at: at('2026-11-20T00:30:00Z'), status: 'DISCONNECTED' },
        { at: at('2026-11-20T01:00:00Z'), status: 'CONNECTED' },
      ],
      from,
      to,
      60,
    )
    expect(strip.slots.map((s) => s.state)).toEqual(['disconnected', 'connected', 'connected', 'connected'])
  })

  it('is unknown without history and after `until`', () => {
    expect(buildUptimeStrip([], from, to, 60)).toEqual({ slots: expect.any(Array), slotMinutes: 60, connectedShare: null })
    expect(buildUptimeStrip([], from, to, 60).slots.every((s) => s.state === 'unknown')).toBe(true)
    const strip = buildUptimeStrip([{ at: at('2026-11-19T00:00:00Z'), status: 'CONNECTED' }], from, to, 60, at('2026-11-20T02:00:00Z'))
    expect(strip.slots.map((s) => s.state)).toEqual(['connected', 'connected', 'unknown', 'unknown'])
    expect(strip.connectedShare).toBe(1)
  })
})
