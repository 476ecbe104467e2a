/**
 * Notices that Redis came back without this app's keys: restarted without persistence, flushed, or
 * replaced. Everything that lived only there is gone then (queued and delayed jobs, leases, pacing
 * logs), while PostgreSQL still holds every message: the caller hands that work to the queues again
 * at once, instead of waiting until the outbox relay finds the rows stale (a minute).
 * A marker key without expiry is set with NX: when the set succeeds, the key was missing. That is also
 * true on the first start against a fresh Redis, where re-queuing finds nothing to do. With several
 * server processes only one wins the set, so the work is handed over once.
 */
import { logger } from '../logger'
import { getRedis, redisKey } from '../redis'

export const REDIS_MARKER_KEY = () => redisKey('marker')

/** Checks every `intervalMs` (and once at once); `onReset` runs when the marker was missing. Returns the stop function. */
export function watchRedisReset(onReset: (detectedAt: Date) => Promise<void>, intervalMs = 1000): () => void {
  let running = false
  const check = async () => {
    if (running) return
    running = true
    try {
      const set = await getRedis().set(REDIS_MARKER_KEY(), new Date().toISOString(), 'NX')
      if (set === 'OK') {
        logger.info('Redis holds none of our keys (new, restarted empty or flushed): re-queuing waiting work from PostgreSQL')
        await onReset(new Date())
      }
    } catch (err) {
      // Redis down: the next check after it returns tells whether it came back empty.
      logger.debug({ err: (err as Error).message }, 'Redis marker check failed')
    } finally {
      running = false
    }
  }
  void check()
  const timer = setInterval(() => void check(), intervalMs)
  timer.unref?.()
  return () => clearInterval(timer)
}
