/**
 * SQL statements that run either through Prisma (`$queryRaw`, inside a Prisma transaction) or straight
 * on the pg pool Prisma opened, skipping Prisma's client runtime. The incoming hot path uses the second
 * (issue 15): a CPU profile of bench/incoming spent ~30 % of the busy time in Prisma's runtime and its
 * query compiler, even for raw statements, and each customer message runs about eight. A statement is
 * written once (`sql` below, Prisma's own tagged template, whose `.text` has $1… placeholders) and run by
 * a SqlRunner of either kind, with the same results: timestamps without a zone are read as UTC, as
 * Prisma reads them.
 */
import pg from 'pg'
import { Prisma } from './db/generated/client'
import { getDb, poolOf, type PrismaClient } from './db'
import { isInfrastructureError } from './infrastructure-errors'

export type SqlStatement = Prisma.Sql

/** Prisma's tagged template: `sql\`SELECT … WHERE id = ${id}\`` keeps the values apart from the text. */
export const sql = Prisma.sql

/** Runs statements and returns their rows. */
export interface SqlRunner {
  rows<T>(statement: SqlStatement): Promise<T[]>
}

/** Through Prisma: a transaction client (`tx`) or the client itself. */
export function viaPrisma(client: Prisma.TransactionClient | PrismaClient): SqlRunner {
  return { rows: <T>(statement: SqlStatement) => client.$queryRaw<T[]>(statement) }
}

/** `timestamp without time zone` (OID 1114): the columns hold UTC (Prisma writes them so); pg would read them as local time. */
const TIMESTAMP_OID = 1114
const parseUtcTimestamp = (value: string) => new Date(`${value.replace(' ', 'T')}Z`)
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    oid === TIMESTAMP_OID && format !== 'binary' ? parseUtcTimestamp : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
}

function viaClient(client: pg.PoolClient | pg.Pool): SqlRunner {
  return { rows: async <T>(statement: SqlStatement) => (await client.query({ text: statement.text, values: statement.values, types })).rows as T[] }
}

/** One statement on its own (auto-commit): straight on the pool once Prisma has opened it, else through Prisma. */
export function autoCommit(): SqlRunner {
  const pool = poolOf()
  return pool ? viaClient(pool) : viaPrisma(getDb())
}

/** A transaction's limit, as Prisma's interactive transactions have (5 s): lock waits included. */
export const PG_TRANSACTION_TIMEOUT_MS = 5000

/** A value written into a simple query's text: quoted by pg (escapeLiteral), never concatenated raw. */
function literal(client: pg.PoolClient, value: unknown): string {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'string') return client.escapeLiteral(value)
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  throw new TypeError(`a ${typeof value} cannot open a transaction's first statement`)
}

/**
 * Runs `work` in a transaction on a pooled connection, without Prisma: COMMIT when it returns, ROLLBACK
 * when it throws (the error is rethrown). `opening`, the transaction's first statement, travels with
 * BEGIN in one round trip (a simple query: its values quoted by pg's escapeLiteral); `work` gets its
 * rows. Undefined when Prisma has not opened its pool yet: the caller runs its Prisma transaction
 * instead. A connection that failed is destroyed, not given back.
 */
export async function inPgTransaction<T>(
  work: (sql: SqlRunner, opened: unknown[]) => Promise<T>,
  options: { opening?: SqlStatement } = {},
): Promise<{ result: T } | undefined> {
  const pool = poolOf()
  if (!pool) return undefined
  const client = await pool.connect()
  let broken: Error | undefined
  // A checked-out client has no listener of the pool's: without this one, the server dropping the
  // connection (a restart, `pg_ctl stop -m immediate`) would be an uncaught exception that ends the process.
  const onError = (error: Error) => {
    broken ??= error
  }
  client.on('error', onError)
  try {
    const begin = `BEGIN; SET LOCAL statement_timeout = ${PG_TRANSACTION_TIMEOUT_MS}`
    const opening = options.opening
    const text = opening ? `${begin}; ${opening.strings.reduce((acc, part, i) => acc + literal(client, opening.values[i - 1]) + part)}` : begin
    const results = (await client.query({ text, types })) as unknown as pg.QueryResult | pg.QueryResult[]
    const opened = opening && Array.isArray(results) ? (results[results.length - 1]!.rows as unknown[]) : []
    const result = await work(viaClient(client), opened)
    await client.query('COMMIT')
    return { result }
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError
    })
    if (isInfrastructureError(error)) broken ??= error as Error
    throw error
  } finally {
    client.off('error', onError)
    client.release(broken)
  }
}
