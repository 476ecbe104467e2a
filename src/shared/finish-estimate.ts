/**
 * When will a bulk of N messages be sent? A pure estimate for the bulk screen, before confirmation.
 *
 * The model follows what the system does:
 * - the day's quota (the configured daily limit, lowered by warm-up) is taken when a bulk is accepted,
 *   so it decides whether the bulk is accepted today (`fitsToday`), not when its messages leave;
 * - the send worker paces every send of the organization (the messages already queued go first) at
 *   one per even step of the per-minute limit, and never more than the per-hour limit in any hour
 *   (queues/send-pacing.ts), counting the sends of the last hour;
 * - a message that would leave in quiet hours waits for their end and then leaves spread over
 *   QUIET_SPREAD_MS (each at a stable offset, modelled here as evenly spread), pacing still applying.
 * It is an estimate: retries, a disconnected phone or the governor's pause make it later.
 */
import { QUIET_SPREAD_MS, quietEndAfter, type QuietHours } from './quiet-hours'

/** Even step between sends at a per-minute rate (queues/send-pacing.ts paceStep: the window plus its 500 ms margin, shared evenly). */
export function estimateStepMs(perMinute: number): number {
  return Math.ceil((60_000 + 500) / Math.max(1, perMinute))
}

/** The estimate stops simulating past this many messages (queued ahead plus the bulk). */
export const ESTIMATE_MAX_MESSAGES = 20_000

export interface FinishEstimateInput {
  now: Date
  /** Messages in this bulk (after exclusions). */
  count: number
  /** The organization's messages already waiting to be sent (they go first). */
  queuedAhead: number
  /** When the organization's sends of the last hour left (for the per-hour limit). */
  recentSends: Date[]
  perMinute: number
  perHour: number
  /** What is left of today's daily quota for bulk and agent messages (warm-up included). */
  dayRemaining: number
  timeZone: string
  quietHours: QuietHours
  spreadMs?: number
}

export interface FinishEstimate {
  /** When the first and the last message of this bulk should leave. */
  startsAt: Date
  finishAt: Date
  /** Messages of this bulk that will wait for the end of quiet hours. */
  waitingForQuietHours: number
  /** When those quiet hours end (null when none waits). */
  quietEndsAt: Date | null
  /** The whole bulk fits in what is left of today's quota (otherwise it is refused when sent). */
  fitsToday: boolean
  dayRemaining: number
  /** The queue was too long to simulate exactly: finishAt is a lower bound. */
  truncated: boolean
}

export function estimateFinish(input: FinishEstimateInput): FinishEstimate {
  const now = input.now.getTime()
  const step = estimateStepMs(input.perMinute)
  const hourMs = 3_600_000
  const spread = input.spreadMs ?? QUIET_SPREAD_MS
  const ahead = Math.min(input.queuedAhead, ESTIMATE_MAX_MESSAGES)
  const total = Math.min(ahead + input.count, ESTIMATE_MAX_MESSAGES)
  const truncated = ahead + input.count > ESTIMATE_MAX_MESSAGES
  // Send times so far, oldest first (those of the last hour included) for the sliding hour.
  const sends = input.recentSends
    .map((d) => d.getTime())
    .filter((t) => t > now - hourMs && t <= now)
    .sort((a, b) => a - b)
  let last = sends.length ? sends[sends.length - 1]! : Number.NEGATIVE_INFINITY
  // The quiet hours being waited out: when they end and how many messages still wait for them.
  let release = null as { end: number; remaining: number; index: number } | null
  let startsAt = now
  let finishAt = now
  let waiting = 0
  let quietEndsAt: number | null = null
  for (let i = 0; i < total; i++) {
    let t = Math.max(now, last + step)
    for (let guard = 0; guard < 10; guard++) {
      const before = t
      if (sends.length >= input.perHour) t = Math.max(t, sends[sends.length - input.perHour]! + hourMs)
      const end = quietEndAfter(t, input.timeZone, input.quietHours)?.getTime()
      if (end !== undefined) {
        // Every message still waiting when quiet hours begin is held; they wake spread over the window.
        if (release?.end !== end) release = { end, remaining: total - i, index: 0 }
        t = end
      }
      if (release && t >= release.end) t = Math.max(t, release.end + Math.floor((spread * release.index) / release.remaining))
      if (t === before) break
    }
    if (release && t >= release.end) {
      release.index += 1
      if (i >= ahead) {
        waiting += 1
        quietEndsAt ??= release.end
      }
    }
    sends.push(t)
    last = t
    if (i === ahead) startsAt = t
    finishAt = t
  }
  return {
    startsAt: new Date(startsAt),
    finishAt: new Date(finishAt),
    waitingForQuietHours: waiting,
    quietEndsAt: quietEndsAt === null ? null : new Date(quietEndsAt),
    fitsToday: input.count <= input.dayRemaining,
    dayRemaining: input.dayRemaining,
    truncated,
  }
}
