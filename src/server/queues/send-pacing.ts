/**
 * Per-organization pacing of actual sends, checked by the send worker right before each send (BullMQ's
 * own `limiter` is global per queue, so one organization at its limit would slow everyone):
 * - at most messagesPerMinute in any 60 s and messagesPerHour in any hour (a sliding log);
 * - an even gap of 60 s / messagesPerMinute between sends (plus up to 25 % jitter), so sends are
 *   spread like a person's rather than fired in bursts;
 * - at most `concurrency` sends in flight.
 * A job that gets no slot is moved back to delayed for the wait the gate reports: it never burns a
 * retry attempt, and other organizations' jobs keep flowing meanwhile.
 */
import type { Redis } from 'ioredis'
import { getRedis, redisKey } from '../redis'
import type { WhatsAppSettings } from '~/shared/whatsapp-settings'

const keys = (organizationId: string) => [
  redisKey('whatsapp', 'pacing', organizationId, 'log'),
  redisKey('whatsapp', 'pacing', organizationId, 'inflight'),
  redisKey('whatsapp', 'pacing', organizationId, 'next'),
]

// ARGV: now, perMinute, perHour, concurrency, gapMs, member. Returns {1, 0} or {0, waitMs}.
const ACQUIRE_SCRIPT = `
local now = tonumber(ARGV[1])
local perMinute = tonumber(ARGV[2])
local perHour = tonumber(ARGV[3])
local concurrency = tonumber(ARGV[4])
local gap = tonumber(ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 3600000)
local inMinute = redis.call('ZCOUNT', KEYS[1], now - 60000, '+inf')
if inMinute >= perMinute then
  local oldest = redis.call('ZRANGEBYSCORE', KEYS[1], now - 60000, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
  return {0, tonumber(oldest[2]) + 60000 - now + 1}
end
if redis.call('ZCARD', KEYS[1]) >= perHour then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, tonumber(oldest[2]) + 3600000 - now + 1}
end
local nextAt = tonumber(redis.call('GET', KEYS[3]) or '0')
if nextAt > now then return {0, nextAt - now} end
local inflight = tonumber(redis.call('GET', KEYS[2]) or '0')
if inflight >= concurrency then return {0, 250} end
redis.call('ZADD', KEYS[1], now, ARGV[6])
redis.call('PEXPIRE', KEYS[1], 3600000)
redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], 120000)
redis.call('SET', KEYS[3], now + gap, 'PX', gap + 1000)
return {1, 0}`

const RELEASE_SCRIPT = `local v = tonumber(redis.call('GET', KEYS[1]) or '0') if v > 0 then redis.call('DECR', KEYS[1]) end return 0`

export interface SlotDecision {
  granted: boolean
  waitMs: number
}

/** The even gap between two sends at a per-minute rate, with up to +25 % jitter. */
export function paceGap(messagesPerMinute: number, random: () => number = Math.random): number {
  const base = 60_000 / messagesPerMinute
  return Math.round(base * (1 + 0.25 * random()))
}

export async function acquireSendSlot(
  organizationId: string,
  settings: WhatsAppSettings,
  member: string,
  options: { now?: number; random?: () => number; redis?: Redis } = {},
): Promise<SlotDecision> {
  const r = settings.rateLimiting
  const now = options.now ?? Date.now()
  const [granted, waitMs] = (await (options.redis ?? getRedis()).eval(
    ACQUIRE_SCRIPT,
    3,
    ...keys(organizationId),
    now,
    r.messagesPerMinute,
    r.messagesPerHour,
    r.concurrency,
    paceGap(r.messagesPerMinute, options.random),
    `${member}:${now}`,
  )) as [number, number]
  return { granted: granted === 1, waitMs }
}

export async function releaseSendSlot(organizationId: string, redis: Redis = getRedis()): Promise<void> {
  await redis.eval(RELEASE_SCRIPT, 1, keys(organizationId)[1]!)
}
