/**
 * Extra WhatsApp lookups (contact name, avatar) are limited per organization to 5 a minute, counted at
 * `<prefix>:whatsapp:api-limits:<org>:minute`, with a random 0.5–2 s gap before each: frequent lookups
 * look like scraping. Over the limit the lookup is skipped, never failed.
 */
import type { Redis } from 'ioredis'
import { getRedis, redisKey } from '../redis'
import { delayFor, sleep } from './delays'

export const LOOKUPS_PER_MINUTE = 5

export function lookupKey(organizationId: string): string {
  return redisKey('whatsapp', 'api-limits', organizationId, 'minute')
}

const TAKE_SCRIPT = `local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], 60000) end return n`

/** Takes a lookup slot; false when the organization used its 5 this minute (or Redis is down). */
export async function takeLookupSlot(organizationId: string, redis: Redis = getRedis()): Promise<boolean> {
  try {
    const used = (await redis.eval(TAKE_SCRIPT, 1, lookupKey(organizationId))) as number
    return used <= LOOKUPS_PER_MINUTE
  } catch {
    return false
  }
}

/** Runs a lookup under the limit, after a human-like gap; null when skipped or failed. */
export async function rateLimitedLookup<T>(organizationId: string, lookup: () => Promise<T>): Promise<T | null> {
  if (!(await takeLookupSlot(organizationId))) return null
  await sleep(delayFor('lookupGap'))
  try {
    return await lookup()
  } catch {
    return null
  }
}
