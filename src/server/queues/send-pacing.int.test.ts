/**
 * The pacing gate's hard promise, checked on the real Lua script in Redis with a simulated clock: over
 * many random seeds (jitter, worker latency, slow hand-overs to WhatsApp, idle pauses, several rates),
 * no sliding window of real send times ever holds more sends than its limit.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { getRedis } from '../redis'
import { maxInAnyWindow, seededRandom as seeded } from '../testing/seeded-random'
import { getDefaultWhatsAppSettings, type WhatsAppSettings } from '~/shared/whatsapp-settings'
import { acquireSendSlot, paceStep, releaseSendSlot } from './send-pacing'

function settingsFor(perMinute: number, perHour: number): WhatsAppSettings {
  const settings = getDefaultWhatsAppSettings()
  return { ...settings, rateLimiting: { ...settings.rateLimiting, messagesPerMinute: perMinute, messagesPerHour: perHour } }
}

/**
 * One organization with work always waiting, for `minutes` of simulated time; returns when WhatsApp had
 * each message (a send reaches it some time after its slot: usually at once, sometimes seconds later).
 */
async function run(seed: number, perMinute: number, perHour: number, minutes: number): Promise<number[]> {
  const random = seeded(seed)
  const settings = settingsFor(perMinute, perHour)
  const organizationId = `pacing-prop-${seed}-${perMinute}-${perHour}`
  const start = Date.now() + 1000
  const end = start + minutes * 60_000
  const sends: number[] = []
  let now = start
  while (now < end) {
    const slot = await acquireSendSlot(organizationId, settings, `job-${sends.length}`, { now, random })
    if (slot.granted) {
      const handOver = random()
      now += handOver < 0.7 ? 0 : handOver < 0.95 ? Math.floor(random() * 400) : Math.floor(random() * 5000)
      sends.push(now)
      await releaseSendSlot(organizationId, undefined, { slotId: slot.slotId!, at: now })
      // The next job arrives at once, after a worker's latency, or after an idle pause.
      const roll = random()
      now += roll < 0.6 ? 0 : roll < 0.95 ? Math.floor(random() * 3000) : Math.floor(random() * 120_000)
    } else {
      // A re-delayed job comes back when told, sometimes a little late (a busy worker).
      now += slot.waitMs + (random() < 0.3 ? Math.floor(random() * 500) : 0)
    }
  }
  return sends
}

describe('send pacing (real Redis, simulated clock)', () => {
  afterAll(() => getRedis().disconnect())

  const cases: Array<[perMinute: number, perHour: number, minutes: number]> = [
    [10, 100, 20],
    [7, 1000, 15],
    [30, 150, 10],
  ]
  for (const [perMinute, perHour, minutes] of cases) {
    it(`never exceeds ${perMinute}/min or ${perHour}/h in any window, over 25 seeds`, async () => {
      for (let seed = 1; seed <= 25; seed++) {
        const sends = await run(seed, perMinute, perHour, minutes)
        expect(sends.length, `seed ${seed}`).toBeGreaterThan(0)
        expect(maxInAnyWindow(sends, 60_000), `seed ${seed}: 60 s window`).toBeLessThanOrEqual(perMinute)
        expect(maxInAnyWindow(sends, 3_600_000), `seed ${seed}: hour window`).toBeLessThanOrEqual(perHour)
      }
    })
  }

  it('uses both sides of the even step: some gaps shorter, some longer (the jitter is symmetric)', async () => {
    const sends = await run(99, 10, 1000, 30)
    const gaps = sends.slice(1).map((t, i) => t - sends[i]!)
    expect(gaps.some((g) => g < paceStep(10) - 300)).toBe(true)
    expect(gaps.some((g) => g > paceStep(10) + 300)).toBe(true)
  })
})
