/** BullMQ connections and naming: every queue key lives under `<REDIS_PREFIX>:bull`. */
import type { Redis } from 'ioredis'
import { createRedis, redisPrefix } from '../redis'

export const SEND_QUEUE = 'whatsapp-send'
export const INCOMING_QUEUE = 'whatsapp-incoming-process'

export function bullPrefix(): string {
  return `${redisPrefix()}:bull`
}

/** A connection for BullMQ (it needs maxRetriesPerRequest: null for blocking commands). */
export function bullConnection(): Redis {
  return createRedis({ maxRetriesPerRequest: null })
}

/** A connection for producers; adds are wrapped in a deadline so a dead Redis falls back to PostgreSQL. */
export function producerConnection(): Redis {
  return createRedis({ maxRetriesPerRequest: 1, connectTimeout: 2000 })
}

/** How long a producer waits for Redis before it leaves the work to the outbox relay. */
export const PRODUCER_DEADLINE_MS = 1500

/**
 * Job locks of both workers. A job whose process died (kill -9, a crash) stays "active" until its lock
 * expires and a stalled check moves it back to waiting; with BullMQ's defaults (30 s lock, 30 s checks)
 * that took up to a minute, and a stuck send held its whole conversation back (conversation-order.ts).
 * A 10 s lock (renewed every 5 s) checked every 3 s brings it back within ~13 s of the crash, and
 * usually within a few seconds of a restarted server's start. A lock renewal would have to miss 5 s
 * (an event loop that stalled that long) for a live job to be taken for dead.
 */
export const WORKER_LOCK_OPTIONS = { lockDuration: 10_000, stalledInterval: 3_000 } as const
