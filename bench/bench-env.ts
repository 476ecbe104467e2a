/**
 * Benchmarks run against their own database (soul_crm_bench) and Redis prefix (soul_bench), never the
 * demo or test data; SOUL_TEST_NAMESPACE=<ns> gives them soul_crm_bench_<ns> and soul_bench_<ns>, so
 * two people can bench on one machine. Import this first: it sets the environment before app modules read it.
 */
import { execFileSync } from 'node:child_process'
import nextEnv from '@next/env'
import { getEnvPart } from '../src/server/env'

// The bench's own defaults go into process.env before anything parses it; the app then reads them through getEnv().
nextEnv.loadEnvConfig(process.cwd())
const base = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/soul_crm')
const benchSuffix = process.env.SOUL_TEST_NAMESPACE ? `_${process.env.SOUL_TEST_NAMESPACE}` : ''
const benchDatabase = `soul_crm_bench${benchSuffix}`
base.pathname = `/${benchDatabase}`
process.env.DATABASE_URL = base.toString()
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379/0'
process.env.REDIS_PREFIX = `soul_bench${benchSuffix}`
process.env.LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'silent'
process.env.AUTH_SECRET ??= 'bench-secret-not-for-production-0123456789'
process.env.WHATSAPP_ENGINE = 'simulator'
process.env.WHATSAPP_DISABLE_DELAYS = 'true'

/** Creates, migrates and empties the bench database, and clears the bench Redis prefix. */
export async function prepareBenchStores(): Promise<void> {
  execFileSync('node', ['--import', 'tsx', 'scripts/prepare-db.ts', benchDatabase, '--reset'], { stdio: ['ignore', 'ignore', 'inherit'] })
  const { clearRedisPrefix } = await import('../src/server/testing/global-setup')
  const { REDIS_URL, REDIS_PREFIX } = getEnvPart('REDIS_URL', 'REDIS_PREFIX')
  await clearRedisPrefix(REDIS_URL, REDIS_PREFIX)
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]!
}

export function printTable(rows: Array<Record<string, string | number>>): void {
  for (const row of rows)
    process.stdout.write(
      Object.entries(row)
        .map(([k, v]) => `${k}=${v}`)
        .join('  ') + '\n',
    )
}
