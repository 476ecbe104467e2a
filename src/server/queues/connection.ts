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
