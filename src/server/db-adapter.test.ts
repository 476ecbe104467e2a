import { describe, expect, it } from 'vitest'
import { releaseOnFailedClose } from './db-adapter'

type Tx = Parameters<typeof releaseOnFailedClose>[0]

/** A transaction like @prisma/adapter-pg's: statements go through executeRaw, rollback()/commit() only release the client. */
function fakeTransaction(failOn: RegExp | null) {
  const state = { released: 0, statements: [] as string[] }
  const tx = {
    provider: 'postgres',
    adapterName: 'fake',
    options: { usePhantomQuery: false },
    queryRaw: async () => ({ columnNames: [], columnTypes: [], rows: [] }),
    executeRaw: async (query: { sql: string }) => {
      state.statements.push(query.sql)
      if (failOn?.test(query.sql)) throw Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' })
      return 0
    },
    commit: async () => void (state.released += 1),
    rollback: async () => void (state.released += 1),
  }
  return { tx: releaseOnFailedClose(tx as unknown as Tx), state }
}

const query = (sql: string) => ({ sql, args: [], argTypes: [] })

describe('releaseOnFailedClose', () => {
  it.each(['COMMIT', 'ROLLBACK'])('gives the connection back when %s fails (the server went away)', async (statement) => {
    const { tx, state } = fakeTransaction(/COMMIT|ROLLBACK/)
    await expect(tx.executeRaw(query(statement))).rejects.toThrow('Connection terminated')
    expect(state.released).toBe(1)
  })

  it('leaves a successful COMMIT to the transaction manager (which then calls commit(): one release)', async () => {
    const { tx, state } = fakeTransaction(null)
    await tx.executeRaw(query('COMMIT'))
    await tx.commit()
    expect(state.released).toBe(1)
  })

  it('does not release on a failed statement inside the transaction (the manager rolls back after it)', async () => {
    const { tx, state } = fakeTransaction(/INSERT/)
    await expect(tx.executeRaw(query('INSERT INTO "Message" VALUES ($1)'))).rejects.toThrow()
    expect(state.released).toBe(0)
    expect(state.statements).toEqual(['INSERT INTO "Message" VALUES ($1)'])
  })
})
