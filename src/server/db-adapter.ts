/**
 * The PostgreSQL driver adapter, with one fix over Prisma 6.19.3: a transaction whose COMMIT or
 * ROLLBACK fails (the server went away mid-transaction) gives its connection back to the pool.
 *
 * Prisma's transaction manager sends COMMIT/ROLLBACK as a query and only then calls the adapter's
 * commit()/rollback(), which is what releases the pg client (client-engine-runtime
 * transaction-manager.ts #closeTransaction; @prisma/adapter-pg PgTransaction). When that query throws,
 * the release never happens: the pool counts the dead client as checked out for ever. Every transaction
 * cut by a database outage leaked one of the pool's 15 slots, so repeated outages would starve the
 * process, and `pool.end()` ($disconnect) waited for ever for the leaked clients.
 */
import { PrismaPg } from '@prisma/adapter-pg'
import type pg from 'pg'

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>
type PgTransaction = Awaited<ReturnType<PgAdapter['startTransaction']>>

const CLOSING_STATEMENT = /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i

/** Makes a transaction release its connection when its closing statement fails (see above). */
export function releaseOnFailedClose(tx: PgTransaction): PgTransaction {
  const executeRaw = tx.executeRaw.bind(tx)
  tx.executeRaw = async (query) => {
    try {
      return await executeRaw(query)
    } catch (error) {
      // rollback() only releases the client (no statement); a client whose socket is gone is dropped by the pool.
      if (CLOSING_STATEMENT.test(query.sql)) await tx.rollback().catch(() => undefined)
      throw error
    }
  }
  return tx
}

/**
 * PrismaPg whose transactions never leak their connection on a failed COMMIT/ROLLBACK, and which tells
 * the pool it opened (db-sql.ts sends the incoming hot path's statements through it without Prisma's runtime).
 */
export class LeakFreePrismaPg extends PrismaPg {
  /** The pool of the open connection: set when Prisma connects, cleared when it disconnects (the pool is ended then). */
  pool: pg.Pool | null = null

  override async connect(): Promise<PgAdapter> {
    const adapter = await super.connect()
    const startTransaction = adapter.startTransaction.bind(adapter)
    adapter.startTransaction = async (isolationLevel) => releaseOnFailedClose(await startTransaction(isolationLevel))
    this.pool = adapter.underlyingDriver()
    const dispose = adapter.dispose.bind(adapter)
    adapter.dispose = async () => {
      this.pool = null
      return dispose()
    }
    return adapter
  }
}
