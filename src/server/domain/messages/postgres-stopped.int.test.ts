/**
 * PostgreSQL stopped mid-flow, the fault scenario's way (issue 10 point 5): a private cluster
 * (private-postgres.ts) is stopped with `pg_ctl stop -m immediate` while customers write and replies
 * wait in several conversations per organization, kept down longer than a job's attempts last, then
 * started again. The same assertions as the Redis and kill -9 tests: nothing lost or duplicated either
 * way, replies in order per conversation, and both paths moving again within 10 s of the restart.
 * (postgres-outage.int.test.ts covers the stranded-row defects: the relay, the retry button, the spool.)
 */
import { describe, it, vi } from 'vitest'

vi.hoisted(() => {
  if (process.env.DEBUG_FAULTS) process.env.LOG_LEVEL = 'info'
})

import { formatFaultTable } from '../../testing/fault-run'
import { expectCleanRecovery } from '../../testing/fault-assertions'
import { runPostgresStopped } from '../../testing/fault-scenarios'
import { PrivatePostgres } from '../../testing/private-postgres'

const postgres = PrivatePostgres.find()
if (!postgres)
  process.stderr.write('postgres-stopped.int.test.ts skipped: no PostgreSQL binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin or PG_BIN_DIR\n')

describe.skipIf(!postgres)('PostgreSQL stopped mid-flow (fault scenario)', () => {
  it('loses nothing and sends nothing twice, keeps each conversation in order, resumes within 10 s', async () => {
    const report = await runPostgresStopped(postgres!, {
      organizations: 4,
      customers: 3,
      incomingBefore: 24,
      incomingDuring: 24,
      // Accepting a reply needs the database: all of them are queued before the stop (2 per conversation).
      repliesBefore: 1,
      repliesDuring: 1,
      conversations: 2,
      // Longer than a job's 3 attempts would last (2 s + 4 s backoff).
      outageMs: 9000,
      drainTimeoutMs: 45_000,
    })
    process.stdout.write(`${formatFaultTable([report])}\n`)
    expectCleanRecovery(report, { incoming: 48, replies: 16 })
  }, 150_000)
})
