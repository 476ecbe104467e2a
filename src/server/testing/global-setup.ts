/** Creates and migrates the integration-test database (soul_crm_test) and empties it once per run. */
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { Redis } from 'ioredis'
import { integrationEnv } from './test-env'

export default async function setup() {
  const url = new URL(integrationEnv.DATABASE_URL)
  const database = url.pathname.slice(1)
  if (!database.includes('_test')) throw new Error(`refusing to reset ${database}: not a test database`)
  execFileSync('node', ['--import', 'tsx', 'scripts/prepare-db.ts', database, '--reset'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: url.toString() },
  })
  await clearRedisPrefix(integrationEnv.REDIS_URL, integrationEnv.REDIS_PREFIX)
  rmSync(integrationEnv.INCOMING_SPOOL_DIR, { recursive: true, force: true })
}

export async function clearRedisPrefix(redisUrl: string, prefix: string) {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 })
  try {
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500)
      cursor = next
      if (keys.length) await redis.del(...keys)
    } while (cursor !== '0')
  } finally {
    redis.disconnect()
  }
}
