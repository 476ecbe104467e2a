/**
 * Who is online, for round-robin distribution. "Online" means: the user has an open live stream of the
 * conversations (the inbox is open in a browser tab); the stream refreshes the user's mark in a Redis
 * sorted set (score = last seen, ms) every PRESENCE_HEARTBEAT_MS, and a user is online while their mark is
 * younger than PRESENCE_TTL_MS. A closed tab or a dead server stops the heartbeat, so the user drops
 * out within PRESENCE_TTL_MS without anyone cleaning up.
 */
import { getRedis, redisKey } from '../../redis'

export const PRESENCE_HEARTBEAT_MS = 20_000
export const PRESENCE_TTL_MS = 60_000

const presenceKey = (organizationId: string) => redisKey('presence', organizationId)

/** Marks the user online now. */
export async function markOnline(organizationId: string, userId: string, now = Date.now()): Promise<void> {
  const key = presenceKey(organizationId)
  await getRedis()
    .multi()
    .zadd(key, now, userId)
    .zremrangebyscore(key, 0, now - PRESENCE_TTL_MS)
    .pexpire(key, PRESENCE_TTL_MS * 2)
    .exec()
}

/** The ids of users seen within PRESENCE_TTL_MS. */
export async function onlineUserIds(organizationId: string, now = Date.now()): Promise<string[]> {
  return getRedis().zrangebyscore(presenceKey(organizationId), now - PRESENCE_TTL_MS, '+inf')
}

/**
 * Keeps a user marked online while `signal` is not aborted. Never throws (presence is best effort:
 * Redis down means nobody is online and round-robin leaves conversations unassigned).
 */
export function keepOnline(organizationId: string, userId: string, signal?: AbortSignal): () => void {
  const beat = () => void markOnline(organizationId, userId).catch(() => undefined)
  beat()
  const timer = setInterval(beat, PRESENCE_HEARTBEAT_MS)
  timer.unref()
  const stop = () => clearInterval(timer)
  signal?.addEventListener('abort', stop, { once: true })
  return stop
}
