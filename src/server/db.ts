/**
 * The one Prisma client of the process. server.ts (loaded by tsx) and Next's bundled route handlers are
 * separate module copies in the same process, so the client lives in a process slot.
 */
import type pg from 'pg'
import { LeakFreePrismaPg } from './db-adapter'
import { PrismaClient } from './db/generated/client'
import { getEnv } from './env'
import { processSlot } from './process-singleton'

export * from './db/generated/enums'
export type { Prisma } from './db/generated/client'
export { PrismaClient }

const prismaSlot = processSlot<PrismaClient>('prisma')

/** The pool settings of the process's client. A burst of incoming messages waits for a connection rather than failing fast (the inbox write is what makes them durable). */
export const POOL_OPTIONS = { max: 15, connectionTimeoutMillis: 15_000 } as const

/** Each client's adapter, for its pool (db-sql.ts). */
const adapters = new WeakMap<PrismaClient, LeakFreePrismaPg>()

/** Creates a client for a database URL (tests use their own database), or over a pool the caller owns and ends (tests that inspect it). */
export function createPrismaClient(database: string | pg.Pool): PrismaClient {
  const adapter = new LeakFreePrismaPg(typeof database === 'string' ? { connectionString: database, ...POOL_OPTIONS } : database)
  const client = new PrismaClient({ adapter })
  adapters.set(client, adapter)
  return client
}

/**
 * The pg pool behind a client once it has connected (null before its first query, after $disconnect, or
 * for a client made elsewhere): statements sent through it skip Prisma's runtime (db-sql.ts).
 */
export function poolOf(client: PrismaClient = getDb()): pg.Pool | null {
  return adapters.get(client)?.pool ?? null
}

/** The process-wide client, created on first use from DATABASE_URL. */
export function getDb(): PrismaClient {
  let client = prismaSlot.get()
  if (!client) {
    client = createPrismaClient(getEnv().DATABASE_URL)
    prismaSlot.set(client)
  }
  return client
}

/** Replaces the process-wide client (tests). */
export function setDb(client: PrismaClient): void {
  prismaSlot.set(client)
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb() as unknown as Record<PropertyKey, unknown>
    const value = client[prop]
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(client) : value
  },
})
