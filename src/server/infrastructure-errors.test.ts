import { describe, expect, it } from 'vitest'
import { isInfrastructureError, OUTAGE_BACKOFF_MAX_MS, outageBackoffMs, untilReachable } from './infrastructure-errors'

describe('isInfrastructureError', () => {
  it.each([
    ['Prisma P1001 (cannot reach)', Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: 'P1001' })],
    ['Prisma P1017 (server closed the connection)', Object.assign(new Error('Server has closed the connection.'), { code: 'P1017' })],
    ['Prisma P2024 (pool timeout)', Object.assign(new Error('Timed out fetching a new connection from the connection pool.'), { code: 'P2024' })],
    ['node ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['pg "Connection terminated unexpectedly"', new Error('Connection terminated unexpectedly')],
    ['PostgreSQL 57P01 admin shutdown', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['PostgreSQL 57P03 starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['pg-pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['pg client after a connection error', new Error('Client has encountered a connection error and is not queryable')],
    ['ioredis closed connection', new Error('Connection is closed.')],
    ['ioredis retries exhausted', new Error('Reached the max retries per request limit (which is 1). Refer to "maxRetriesPerRequest" option for details.')],
    [
      'a driver error wrapped as cause',
      new Error('Invalid `prisma.message.findFirst()` invocation', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }),
    ],
    ['an AggregateError of refused sockets', new AggregateError([Object.assign(new Error(''), { code: 'ECONNREFUSED' })], '')],
  ])('%s is an infrastructure failure', (_name, error) => {
    expect(isInfrastructureError(error)).toBe(true)
  })

  it.each([
    ['a unique violation (P2002)', Object.assign(new Error('Unique constraint failed'), { code: 'P2002' })],
    ['a record not found (P2025)', Object.assign(new Error('Record to update not found.'), { code: 'P2025' })],
    ['a WhatsApp failure', Object.assign(new Error('chat not found'), { code: 'CHAT_NOT_FOUND' })],
    ['a plain error', new Error('boom')],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', null],
  ])('%s is not', (_name, error) => {
    expect(isInfrastructureError(error)).toBe(false)
  })
})

describe('outageBackoffMs', () => {
  it('doubles from 1 s and stays at a cap below 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 50].map(outageBackoffMs)).toEqual([1000, 2000, 4000, 4000, 4000, 4000, 4000])
    expect(OUTAGE_BACKOFF_MAX_MS).toBeLessThanOrEqual(4000)
  })
})

describe('untilReachable', () => {
  it('waits out infrastructure failures with the backoff, then returns', async () => {
    const waits: number[] = []
    let calls = 0
    const result = await untilReachable(
      async () => {
        if (++calls < 4) throw Object.assign(new Error('down'), { code: 'ECONNREFUSED' })
        return 'ok'
      },
      60_000,
      async (ms) => void waits.push(ms),
    )
    expect(result).toBe('ok')
    expect(waits).toEqual([1000, 2000, 4000])
  })

  it('rethrows any other failure at once', async () => {
    let calls = 0
    const failing = untilReachable(async () => {
      calls += 1
      throw new Error('bad data')
    })
    await expect(failing).rejects.toThrow('bad data')
    expect(calls).toBe(1)
  })
})
