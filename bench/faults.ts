/**
 * bench/faults: the fault scenarios of issue 10 over the real pipeline, one table row each: kill -9 of
 * the server under load, Redis lost (killed, restarted empty), PostgreSQL stopped (`pg_ctl stop -m
 * immediate`, ~20 s), failover between two server processes (the leases move), clean restart.
 * Per scenario: injected (customer messages in, replies out), stored, delivered (replies the simulated
 * WhatsApp sent), lost, duplicated, out of order (per conversation), and seconds from the fault clearing
 * until both paths moved again (resumed) and until everything was stored and sent (drained).
 * The scenarios are the ones the fault integration tests assert on (src/server/testing/fault-scenarios.ts).
 *
 *   node --import tsx bench/faults.ts                 # all five (~4 minutes)
 *   node --import tsx bench/faults.ts redis kill      # some: kill, redis, postgres, failover, restart
 *
 * Load: 5 organizations, 8 customers each, 100 customer messages before the fault and 100 during it,
 * 30 replies (2 conversations per organization, 3 each: 2 before, 1 during; PostgreSQL: all before,
 * since accepting a reply needs the database). Pacing 20 a minute per organization (the safe maximum):
 * one organization's 6 replies take ≥ 15 s whatever happens. Human-like delays on.
 * Server output: BENCH_LOG_LEVEL=info writes it to $TMPDIR/soul-bench-faults-server.log. BENCH_DRAIN_S (60) is how
 * long a scenario waits for everything after the fault cleared; what is not stored by then counts as lost.
 */
import './bench-env'
import { benchNumber } from './bench-number'
import { faultsDatabase, faultsRedisPort } from './lib/faults-env'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FaultReport } from '../src/server/testing/fault-run'

const { formatFaultTable } = await import('../src/server/testing/fault-run')
const { runPostgresStopped, runRedisLost, runServerFault } = await import('../src/server/testing/fault-scenarios')
const { PrivateRedis } = await import('../src/server/testing/private-redis')
const { PrivatePostgres } = await import('../src/server/testing/private-postgres')
const { getEnvPart } = await import('../src/server/env')
const { clearRedisPrefix } = await import('../src/server/testing/global-setup')
const { withTimeout } = await import('../src/server/redis')

const LOAD = {
  organizations: 5,
  customers: 8,
  incomingBefore: 100,
  incomingDuring: 100,
  repliesBefore: 2,
  repliesDuring: 1,
  conversations: 2,
  outageMs: 3000,
  // How long a scenario waits for everything to be stored and sent after the fault cleared (a loaded machine needs longer).
  drainTimeoutMs: benchNumber('BENCH_DRAIN_S', 60) * 1000,
}

const wanted = process.argv.slice(2)
const runs = (name: string) => wanted.length === 0 || wanted.includes(name)

execFileSync('node', ['--import', 'tsx', 'scripts/prepare-db.ts', faultsDatabase, '--reset'], { stdio: ['ignore', 'ignore', 'inherit'] })
const redis = new PrivateRedis(faultsRedisPort)
await redis.start()
const { REDIS_URL, REDIS_PREFIX } = getEnvPart('REDIS_URL', 'REDIS_PREFIX')
await clearRedisPrefix(REDIS_URL, REDIS_PREFIX)

const logLevel = process.env.BENCH_LOG_LEVEL
const server = {
  env: { WHATSAPP_ENGINE: 'simulator', WHATSAPP_DISABLE_DELAYS: 'false', LOG_LEVEL: logLevel ?? 'silent' },
  ports: [3510, 3511] as [number, number],
  ...(logLevel ? { logFile: join(tmpdir(), 'soul-bench-faults-server.log') } : {}),
}
const reports: FaultReport[] = []
const step = async (name: string, label: string, run: () => Promise<FaultReport>) => {
  if (!runs(name)) return
  process.stdout.write(`${label}…\n`)
  try {
    reports.push(await withTimeout(run(), LOAD.drainTimeoutMs + 180_000, `${label} took over ${LOAD.drainTimeoutMs / 1000 + 180} s`))
  } catch (err) {
    process.stdout.write(`${label} failed: ${(err as Error).stack ?? String(err)}\n`)
  }
}

try {
  await step('kill', 'kill -9 server', () => runServerFault('kill -9 server', LOAD, server))
  // Another organization's broadcast of 1,000, stale at once after the loss, must not hold the replies back.
  await step('redis', 'Redis lost', () => runRedisLost(redis, { ...LOAD, outageMs: 5000, staleBroadcast: 1000 }))
  await step('postgres', 'PostgreSQL stopped', async () => {
    const postgres = PrivatePostgres.find()
    if (!postgres) throw new Error('no PostgreSQL binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin or PG_BIN_DIR')
    return runPostgresStopped(postgres, { ...LOAD, outageMs: 20_000 })
  })
  await step('failover', 'failover', () => runServerFault('failover', LOAD, server))
  await step('restart', 'clean restart', () => runServerFault('clean restart', LOAD, server))
} finally {
  await redis.stop()
}
process.stdout.write(`\n${formatFaultTable(reports)}\n`)
process.exit(0)
