/**
 * Redis connections. Every key this app writes starts with REDIS_PREFIX, so tests and several
 * deployments can share one Redis without touching each other's data.
 */
import { Redis, type RedisOptions } from 'ioredis'
import { getEnv } from './env'
import { logger } from './logger'
import { processSlot } from './process-singleton'

const sharedRedis = processSlot<Redis>('redis')

export function redisPrefix(): string {
  return getEnv().REDIS_PREFIX
}

/** A namespaced key: `prefix:part:part`. */
export function redisKey(...parts: string[]): string {
  return [redisPrefix(), ...parts].join(':')
}

/** A new connection. BullMQ workers need `maxRetriesPerRequest: null`. */
export function createRedis(options: RedisOptions = {}): Redis {
  const client = new Redis(getEnv().REDIS_URL, {
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    ...options,
  })
  client.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'))
  return client
}

/** The shared command connection of the process. */
export function getRedis(): Redis {
  let client = sharedRedis.get()
  if (!client) {
    client = createRedis({ maxRetriesPerRequest: 2 })
    sharedRedis.set(client)
  }
  return client
}

/** Pings Redis with a short deadline; never hangs when Redis is down. */
export async function pingRedis(timeoutMs = 1000): Promise<void> {
  const probe = createRedis({ lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null })
  probe.removeAllListeners('error')
  probe.on('error', () => undefined)
  try {
    await withTimeout(
      (async () => {
        await probe.connect()
        await probe.ping()
      })(),
      timeoutMs,
      'redis ping timed out',
    )
  } finally {
    probe.disconnect()
  }
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms)
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}
