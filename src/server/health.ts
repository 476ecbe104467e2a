/** The health check behind GET /api/health: PostgreSQL and Redis reachable, and process uptime. */
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
  const incomingSpool = lastSpoolStatus()
  if (incomingSpool?.nearFull) failing.push('incomingSpool')
  return {
    status: failing.length ? 'degraded' : 'ok',
    uptimeSeconds: Math.round(process.uptime()),
    checks: { database, redis },
    failing,
    incomingSpool,
  }
}
