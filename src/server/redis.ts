/**
 * Redis connections. Every key this app writes starts with REDIS_PREFIX, so tests and several
 * deployments can share one Redis without touching each other's data.
 */
import { Redis, type RedisOptions } from 'ioredis'
import { logger } from './logger'

const globalForRedis = globalThis as unknown as { __soulRedis?: Redis }

export function redisPrefix(): string {
  return process.env.REDIS_PREFIX ?? 'soul'
}

/** A namespaced key: `prefix:part:part`. */
export function redisKey(...parts: string[]): string {
  return [redisPrefix(), ...parts].join(':')
}

/** A new connection. BullMQ workers need `maxRetriesPerRequest: null`. */
export function createRedis(options: RedisOptions = {}): Redis {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0'
  const client = new Redis(url, {
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    ...options,
  })
  client.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'))
  return client
}

/** The shared command connection of the process. */
export function getRedis(): Redis {
  globalForRedis.__soulRedis ??= createRedis({ maxRetriesPerRequest: 2 })
  return globalForRedis.__soulRedis
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
