/**
 * Sending quotas per organization, counted in Redis at `<prefix>:whatsapp:limits:<org>:minute|hour|day`
 * with TTLs (a window starts with its first message). Checked when a message is accepted: all windows
 * are checked and consumed atomically, so concurrent requests cannot overshoot.
 */
import type { Redis } from 'ioredis'
import { AppError } from '../errors'
import { getRedis, redisKey } from '../redis'
import type { WhatsAppSettings } from '~/shared/whatsapp-settings'

export type QuotaWindow = 'minute' | 'hour' | 'day'
export const WINDOW_MS: Record<QuotaWindow, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 }

export function quotaKey(organizationId: string, window: QuotaWindow): string {
  return redisKey('whatsapp', 'limits', organizationId, window)
}

// KEYS: window keys; ARGV: count, then (limit, ttlMs) per key. Returns {allowed, ...per key: used, pttl}.
const CONSUME_SCRIPT = `
local count = tonumber(ARGV[1])
local result = {1}
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[i * 2])
  local used = tonumber(redis.call('GET', key) or '0')
  local pttl = redis.call('PTTL', key)
  if used + count > limit then result[1] = 0 end
  table.insert(result, used)
  table.insert(result, pttl)
end
if result[1] == 1 then
  for i, key in ipairs(KEYS) do
    local ttl = tonumber(ARGV[i * 2 + 1])
    local used = redis.call('INCRBY', key, count)
    if used == count then redis.call('PEXPIRE', key, ttl) end
  end
end
return result`

export interface QuotaDecision {
  allowed: boolean
  /** The window that refused (or the tightest one when allowed). */
  window: QuotaWindow
  limit: number
  /** Messages still allowed in that window after this decision. */
  remaining: number
  resetAt: Date
  /** Remaining per window. */
  windows: Record<QuotaWindow, { limit: number; remaining: number; resetAt: Date }>
}

function limitsOf(settings: WhatsAppSettings): Record<QuotaWindow, number> {
  return {
    minute: settings.rateLimiting.messagesPerMinute,
    hour: settings.rateLimiting.messagesPerHour,
    day: settings.rateLimiting.messagesPerDay,
  }
}

/**
 * Pure arithmetic of a quota decision from the counters (exported for unit tests).
 * `pttl` of -2/-1 means the window has not started: it resets a full window from now.
 */
export function decideQuota(
  limits: Record<QuotaWindow, number>,
  state: Record<QuotaWindow, { used: number; pttl: number }>,
  count: number,
  now: number,
): QuotaDecision {
  const windows = {} as QuotaDecision['windows']
  let refused: QuotaWindow | null = null
  for (const window of ['minute', 'hour', 'day'] as QuotaWindow[]) {
    const { used, pttl } = state[window]
    const fits = used + count <= limits[window]
    if (!fits && !refused) refused = window
    const resetAt = new Date(now + (pttl > 0 ? pttl : WINDOW_MS[window]))
    windows[window] = { limit: limits[window], remaining: Math.max(0, limits[window] - used - (fits ? count : 0)), resetAt }
  }
  const allowed = refused === null
  const window = refused ?? (['minute', 'hour', 'day'] as QuotaWindow[]).reduce((a, b) => (windows[b].remaining < windows[a].remaining ? b : a))
  if (!allowed) {
    // Nothing was consumed: remaining is what is left before this request.
    for (const w of ['minute', 'hour', 'day'] as QuotaWindow[]) windows[w].remaining = Math.max(0, limits[w] - state[w].used)
  }
  return { allowed, window, limit: limits[window], remaining: windows[window].remaining, resetAt: windows[window].resetAt, windows }
}

/**
 * Checks and consumes `count` sends in the given windows (all-or-nothing). Throws on Redis errors, so
 * callers decide what to do when Redis is down.
 */
export async function consumeQuota(
  organizationId: string,
  settings: WhatsAppSettings,
  count: number,
  windows: QuotaWindow[] = ['minute', 'hour', 'day'],
  redis: Redis = getRedis(),
): Promise<QuotaDecision> {
  const limits = limitsOf(settings)
  const keys = windows.map((w) => quotaKey(organizationId, w))
  const args: Array<string | number> = [count]
  for (const w of windows) args.push(limits[w], WINDOW_MS[w])
  const raw = (await redis.eval(CONSUME_SCRIPT, keys.length, ...keys, ...args)) as number[]
  const state = { minute: { used: 0, pttl: -2 }, hour: { used: 0, pttl: -2 }, day: { used: 0, pttl: -2 } }
  windows.forEach((w, i) => (state[w] = { used: raw[1 + i * 2]!, pttl: raw[2 + i * 2]! }))
  const unchecked = Object.fromEntries(
    (['minute', 'hour', 'day'] as QuotaWindow[]).map((w) => [w, windows.includes(w) ? limits[w] : Number.MAX_SAFE_INTEGER]),
  ) as Record<QuotaWindow, number>
  return decideQuota(unchecked, state, count, Date.now())
}

/** Throws AppError(RATE_LIMITED) with remaining and resetAt when the decision refused. */
export function assertQuota(decision: QuotaDecision): void {
  if (decision.allowed) return
  throw new AppError(
    'RATE_LIMITED',
    `rateLimited.${decision.window}`,
    { limit: decision.limit, remaining: decision.remaining, resetAt: decision.resetAt },
    { window: decision.window, limit: decision.limit, remaining: decision.remaining, resetAt: decision.resetAt.toISOString() },
  )
}

/** Current usage without consuming (for the UI). */
export async function readQuota(organizationId: string, settings: WhatsAppSettings, redis: Redis = getRedis()): Promise<QuotaDecision> {
  const limits = limitsOf(settings)
  const windows: QuotaWindow[] = ['minute', 'hour', 'day']
  const pipeline = redis.pipeline()
  for (const w of windows) pipeline.get(quotaKey(organizationId, w)).pttl(quotaKey(organizationId, w))
  const results = (await pipeline.exec()) ?? []
  const state = {} as Record<QuotaWindow, { used: number; pttl: number }>
  windows.forEach((w, i) => (state[w] = { used: Number(results[i * 2]?.[1] ?? 0), pttl: Number(results[i * 2 + 1]?.[1] ?? -2) }))
  return decideQuota(limits, state, 0, Date.now())
}
