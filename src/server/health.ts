/**
 * The health check behind GET /api/health: PostgreSQL and Redis reachable, process uptime and memory.
 * Signed out, callers get only `{ status }` (publicHealth); the details go to HEALTH_TOKEN holders and
 * SUPER_ADMIN (auth/health-access.ts).
 */
import { db } from './db'
import { pingRedis, withTimeout } from './redis'
import type { SpoolStatus } from './spool/file-spool'
import { lastSpoolStatus } from './spool/incoming-spool'

export interface PartHealth {
  ok: boolean
  latencyMs: number
  error?: string
}

export interface HealthReport {
  status: 'ok' | 'degraded'
  uptimeSeconds: number
  /** Process memory in MB, for operations (leaks, a zip bomb in progress). */
  memoryMb: { rss: number; heapUsed: number; heapTotal: number; external: number }
  checks: { database: PartHealth; redis: PartHealth }
  failing: string[]
  /** The local spool of incoming messages (PostgreSQL down): how full, as of its last use; null when unused. Near full (80 %) counts as failing. */
  incomingSpool: SpoolStatus | null
}

async function measure(check: () => Promise<unknown>): Promise<PartHealth> {
  const started = performance.now()
  try {
    await check()
    return { ok: true, latencyMs: Math.round(performance.now() - started) }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    // Keep it short and free of connection strings.
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: message.replace(/\w+:\/\/\S+/g, '[url]').slice(0, 200) }
  }
}

export async function checkHealth(): Promise<HealthReport> {
  const [database, redis] = await Promise.all([
    measure(() => withTimeout(db.$queryRaw`SELECT 1`, 2000, 'database did not answer within 2 s')),
    measure(() => pingRedis(1000)),
  ])
  const failing = Object.entries({ database, redis })
    .filter(([, part]) => !part.ok)
    .map(([name]) => name)
  const memory = process.memoryUsage()
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10
  const incomingSpool = lastSpoolStatus()
  if (incomingSpool?.nearFull) failing.push('incomingSpool')
  return {
    status: failing.length ? 'degraded' : 'ok',
    uptimeSeconds: Math.round(process.uptime()),
    memoryMb: { rss: mb(memory.rss), heapUsed: mb(memory.heapUsed), heapTotal: mb(memory.heapTotal), external: mb(memory.external) },
    checks: { database, redis },
    failing,
    incomingSpool,
  }
}

/** What anyone may see: the status alone (no latencies, addresses or error text). */
export function publicHealth(report: HealthReport): Pick<HealthReport, 'status'> {
  return { status: report.status }
}
