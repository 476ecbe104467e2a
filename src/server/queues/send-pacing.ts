/**
 * Per-organization pacing of actual sends, checked by the send worker right before each send (BullMQ's
 * own `limiter` is global per queue, so one organization at its limit would slow everyone):
 * - at most messagesPerMinute in any 60 s and messagesPerHour in any hour (a sliding log): the hard
 *   limit, never exceeded whatever the jitter does. The windows are counted WINDOW_MARGIN_MS longer
 *   than they are, because a send reaches WhatsApp a little after its slot (the engine call, its
 *   ack), and not always equally late: the sends as WhatsApp sees them keep the limit too;
 * - sends spread like a person's rather than fired in bursts: they follow a grid of even steps of
 *   (60 s + margin) / messagesPerMinute, each moved by a random jitter of up to ±25 % of a step, symmetric
 *   around the grid point. The grid, not the previous send, anchors the next one, so jitter and small
 *   delays (a worker picking the job up late, a send held by the sliding window) do not add up: the
 *   mean gap is the even step and the pace uses what the limit allows (bench/send-pacing.ts). A send
 *   later than the jitter allows moves the grid (at most JITTER of catch-up, so no burst after a pause);
 * - at most `concurrency` sends in flight; a finished send's log entry moves to when the engine had
 *   the message (releaseSendSlot), so the windows count real send times.
 * A job that gets no slot is moved back to delayed for the wait the gate reports: it never burns a
 * retry attempt, and other organizations' jobs keep flowing meanwhile.
 */
import type { Redis } from 'ioredis'
import { getRedis, redisKey } from '../redis'
import type { WhatsAppSettings } from '~/shared/whatsapp-settings'

/** The jitter around each grid point, as a share of the even step. */
export const JITTER = 0.25

/** Extra length of each sliding window: room for the varying time from a slot to WhatsApp having the message. */
export const WINDOW_MARGIN_MS = 500

const keys = (organizationId: string) => [
  redisKey('whatsapp', 'pacing', organizationId, 'log'),
  redisKey('whatsapp', 'pacing', organizationId, 'inflight'),
  redisKey('whatsapp', 'pacing', organizationId, 'next'),
  redisKey('whatsapp', 'pacing', organizationId, 'grid'),
]

// KEYS: log, inflight, next (earliest time of the next send), grid (the grid point of the last send).
// ARGV: now, perMinute, perHour, concurrency, step, maxJitter, jitter (signed, for the next send), member, margin.
// Returns {1, 0} or {0, waitMs}.
const ACQUIRE_SCRIPT = `
local now = tonumber(ARGV[1])
local perMinute = tonumber(ARGV[2])
local perHour = tonumber(ARGV[3])
local concurrency = tonumber(ARGV[4])
local step = tonumber(ARGV[5])
local maxJitter = tonumber(ARGV[6])
local jitter = tonumber(ARGV[7])
local minute = 60000 + tonumber(ARGV[9])
local hour = 3600000 + tonumber(ARGV[9])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - hour)
local inMinute = redis.call('ZCOUNT', KEYS[1], now - minute, '+inf')
if inMinute >= perMinute then
  local oldest = redis.call('ZRANGEBYSCORE', KEYS[1], now - minute, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
  return {0, tonumber(oldest[2]) + minute - now + 1}
end
if redis.call('ZCARD', KEYS[1]) >= perHour then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, tonumber(oldest[2]) + hour - now + 1}
end
local nextAt = tonumber(redis.call('GET', KEYS[3]) or '0')
if nextAt > now then return {0, nextAt - now} end
local inflight = tonumber(redis.call('GET', KEYS[2]) or '0')
if inflight >= concurrency then return {0, 250} end
local last = redis.call('GET', KEYS[4])
local point = now
if last then point = math.max(tonumber(last) + step, now - maxJitter) end
redis.call('ZADD', KEYS[1], now, ARGV[8])
redis.call('PEXPIRE', KEYS[1], hour)
redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], 120000)
redis.call('SET', KEYS[4], point, 'PX', 3600000)
local following = point + step + jitter
if following > now then redis.call('SET', KEYS[3], following, 'PX', following - now + 1000) else redis.call('DEL', KEYS[3]) end
return {1, 0}`

// KEYS: inflight, log. ARGV: the slot's log member and when WhatsApp had the message ('' when unknown).
const RELEASE_SCRIPT = `
local v = tonumber(redis.call('GET', KEYS[1]) or '0')
if v > 0 then redis.call('DECR', KEYS[1]) end
if ARGV[1] ~= '' and ARGV[2] ~= '' then redis.call('ZADD', KEYS[2], 'XX', 'GT', tonumber(ARGV[2]), ARGV[1]) end
return 0`

export interface SlotDecision {
  granted: boolean
  waitMs: number
  /** The slot's entry in the sliding log (granted only), for releaseSendSlot to move to the real send time. */
  slotId?: string
}

/**
 * The even step between two sends at a per-minute rate: the window (with its margin) shared evenly, so
 * sends on the grid never meet the sliding window's refusal and the grid does not slip (a step of
 * exactly 60 s / rate would hit the margin every time and lose it again and again).
 */
export function paceStep(messagesPerMinute: number): number {
  return Math.ceil((60_000 + WINDOW_MARGIN_MS) / messagesPerMinute)
}

/** A send's offset from its grid point: uniform in ±JITTER of a step, symmetric (mean 0). */
export function paceJitter(messagesPerMinute: number, random: () => number = Math.random): number {
  const max = Math.round(paceStep(messagesPerMinute) * JITTER)
  return Math.round(max * (2 * random() - 1))
}

export async function acquireSendSlot(
  organizationId: string,
  settings: WhatsAppSettings,
  member: string,
  options: { now?: number; random?: () => number; redis?: Redis } = {},
): Promise<SlotDecision> {
  const r = settings.rateLimiting
  const now = options.now ?? Date.now()
  const step = paceStep(r.messagesPerMinute)
  const slotId = `${member}:${now}`
  const [granted, waitMs] = (await (options.redis ?? getRedis()).eval(
    ACQUIRE_SCRIPT,
    4,
    ...keys(organizationId),
    now,
    r.messagesPerMinute,
    r.messagesPerHour,
    r.concurrency,
    step,
    Math.round(step * JITTER),
    paceJitter(r.messagesPerMinute, options.random),
    slotId,
    WINDOW_MARGIN_MS,
  )) as [number, number]
  return granted === 1 ? { granted: true, waitMs, slotId } : { granted: false, waitMs }
}

/**
 * Ends a send's slot. With `sent` (the slot and when the engine had the message) the sliding log counts
 * the send at that real time rather than at its grant, so a send delayed between slot and WhatsApp (a
 * busy machine) cannot crowd a window as WhatsApp sees it.
 */
export async function releaseSendSlot(organizationId: string, redis: Redis = getRedis(), sent?: { slotId: string; at: number }): Promise<void> {
  const [log, inflight] = keys(organizationId)
  await redis.eval(RELEASE_SCRIPT, 2, inflight!, log!, sent?.slotId ?? '', sent?.at ?? '')
}
