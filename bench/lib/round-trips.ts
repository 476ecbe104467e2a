/**
 * Counts the round trips a phase of a bench makes: every query the pg driver sends (Prisma's driver
 * adapter runs each statement, BEGIN and COMMIT through pg's Client.query) and every Redis command
 * ioredis sends (a pipeline's or a Lua script's commands count one each as they leave). Install before
 * the app opens its connections.
 */
import pg from 'pg'
import Redis from 'ioredis'

const counts = { pg: 0, redis: 0 }
const statements = new Map<string, number>()

/** Wraps the drivers' send functions (once per process). */
export function countRoundTrips(): void {
  const pgProto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown; __counted?: boolean }
  if (pgProto.__counted) return
  pgProto.__counted = true
  const query = pgProto.query
  pgProto.query = function (this: unknown, ...args: unknown[]) {
    counts.pg += 1
    const first = args[0] as string | { text?: string } | undefined
    const text = typeof first === 'string' ? first : (first?.text ?? '?')
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 100)
    statements.set(key, (statements.get(key) ?? 0) + 1)
    // What each transaction begins with, so a profile tells which statements open one.
    const self = this as { __previous?: string }
    if (self.__previous === 'BEGIN') statements.set(`  (opens a transaction) ${key}`, (statements.get(`  (opens a transaction) ${key}`) ?? 0) + 1)
    self.__previous = key
    return query.apply(this, args)
  }
  const redisProto = Redis.prototype as unknown as { sendCommand: (...args: unknown[]) => unknown }
  const send = redisProto.sendCommand
  redisProto.sendCommand = function (this: unknown, ...args: unknown[]) {
    counts.redis += 1
    const command = args[0] as { name?: string; args?: unknown[] } | undefined
    // A Lua script is named by its first line (BullMQ's scripts start with a comment naming them).
    const script = command?.name === 'evalsha' || command?.name === 'eval' ? (typeof command.args?.[0] === 'string' ? command.args[0] : '').slice(0, 12) : ''
    const key = `redis ${command?.name ?? '?'} ${script}`
    statements.set(key, (statements.get(key) ?? 0) + 1)
    return send.apply(this, args)
  }
}

/** The counts so far; `since` a snapshot gives a phase's own. */
export function roundTrips(since?: { pg: number; redis: number }): { pg: number; redis: number } {
  return { pg: counts.pg - (since?.pg ?? 0), redis: counts.redis - (since?.redis ?? 0) }
}

/** The statements sent most often since the last reset, with their counts (for a profile). */
export function topStatements(limit = 40): Array<[string, number]> {
  return [...statements.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit)
}

export function resetStatements(): void {
  statements.clear()
}
