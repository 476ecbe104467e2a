import { describe, expect, it } from 'vitest'
import type { GovernorFigures } from '../../events/event-types'
import { getDefaultWhatsAppSettings } from '~/shared/whatsapp-settings'
import { judgeFigures, windowStart } from './governor-figures'

const rule = getDefaultWhatsAppSettings().governor
const none: GovernorFigures = { since: new Date(0), answered: 0, failed: 0, notOnWhatsApp: 0, matured: 0, undelivered: 0, replyMatured: 0, replied: 0 }

describe('the governor rule (defaults)', () => {
  it('has the documented defaults', () => {
    expect(rule).toEqual({
      windowHours: 24,
      windowSends: 50,
      minSample: 20,
      deliveryTimeoutMinutes: 30,
      maxUndeliveredPercent: 30,
      maxFailedPercent: 10,
      maxNotOnWhatsAppPercent: 20,
      minReplyPercent: 2,
      replyWaitMinutes: 120,
    })
  })

  it('does not judge a small sample: 1 failure of 2 sends (or 19 of 19) pauses nothing', () => {
    expect(judgeFigures({ ...none, answered: 2, failed: 1 }, rule)).toBeNull()
    expect(judgeFigures({ ...none, answered: 19, failed: 19, notOnWhatsApp: 0 }, rule)).toBeNull()
    expect(judgeFigures({ ...none, matured: 19, undelivered: 19 }, rule)).toBeNull()
    expect(judgeFigures({ ...none, replyMatured: 19, replied: 0 }, rule)).toBeNull()
  })

  it('pauses above each maximum, not at it', () => {
    expect(judgeFigures({ ...none, answered: 20, failed: 2 }, rule)).toBeNull()
    expect(judgeFigures({ ...none, answered: 20, failed: 3 }, rule)).toEqual({ reason: 'FAILED', percent: 15, limitPercent: 10, sample: 20 })
    expect(judgeFigures({ ...none, answered: 20, notOnWhatsApp: 4 }, rule)).toBeNull()
    expect(judgeFigures({ ...none, answered: 20, notOnWhatsApp: 5 }, rule)).toMatchObject({ reason: 'NOT_ON_WHATSAPP', percent: 25 })
    expect(judgeFigures({ ...none, matured: 50, undelivered: 15 }, rule)).toBeNull()
    expect(judgeFigures({ ...none, matured: 50, undelivered: 16 }, rule)).toMatchObject({ reason: 'UNDELIVERED', percent: 32, sample: 50 })
  })

  it('pauses below the reply minimum; 0 turns that rule off', () => {
    expect(judgeFigures({ ...none, replyMatured: 50, replied: 1 }, rule)).toBeNull()
    expect(judgeFigures({ ...none, replyMatured: 50, replied: 0 }, rule)).toMatchObject({ reason: 'LOW_REPLIES', percent: 0, limitPercent: 2 })
    expect(judgeFigures({ ...none, replyMatured: 50, replied: 0 }, { ...rule, minReplyPercent: 0 })).toBeNull()
  })

  it('starts the window at the last resume when that is later than windowHours ago', () => {
    const now = new Date('2026-12-01T12:00:00Z')
    expect(windowStart(rule, null, now)).toEqual(new Date('2026-11-30T12:00:00Z'))
    expect(windowStart(rule, new Date('2026-12-01T10:00:00Z'), now)).toEqual(new Date('2026-12-01T10:00:00Z'))
    expect(windowStart(rule, new Date('2026-11-01T10:00:00Z'), now)).toEqual(new Date('2026-11-30T12:00:00Z'))
  })
})
