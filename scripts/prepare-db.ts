/**
 * Creates a database if missing, applies migrations, and optionally wipes and seeds it.
 *   node --import tsx scripts/prepare-db.ts <database> [--reset] [--seed]
 * Tests use their own databases (soul_crm_test, soul_crm_e2e); the demo database is never touched by them.
 */
import { execFileSync } from 'node:child_process'
import nextEnv from '@next/env'
import pg from 'pg'
import { parseEnvPart } from '../src/server/env'

nextEnv.loadEnvConfig(process.cwd())
// A command-line tool: the local server is its default, then the URL is validated like the app's.
const { DATABASE_URL } = parseEnvPart({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/soul_crm', ...process.env }, 'DATABASE_URL')

const args = process.argv.slice(2)
const flags = args.filter((a) => a.startsWith('--'))
const database = flags.includes('--from-env') ? new URL(DATABASE_URL).pathname.slice(1) : args.find((a) => !a.startsWith('--'))
if (!database || !/^[a-z0-9_]+$/.test(database)) {
  process.stderr.write('usage: prepare-db.ts <database_name>|--from-env [--reset] [--seed]\n')
  process.exit(2)
}

const base = new URL(DATABASE_URL)
const adminUrl = new URL(base)
adminUrl.pathname = '/postgres'
const targetUrl = new URL(base)
targetUrl.pathname = `/${database}`

const admin = new pg.Client({ connectionString: adminUrl.toString() })
await admin.connect()
const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`)
await admin.end()

execFileSync('npx', ['prisma', 'migrate', 'deploy'], {
  env: { ...process.env, DATABASE_URL: targetUrl.toString() },
  stdio: ['ignore', 'ignore', 'inherit'],
})

if (flags.includes('--reset')) {
  const client = new pg.Client({ connectionString: targetUrl.toString() })
  await client.connect()
  const tables = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'")
  if (tables.rowCount) {
    await client.query(`TRUNCATE ${tables.rows.map((r) => `"${r.tablename}"`).join(', ')} CASCADE`)
  }
  await client.end()
}

if (flags.includes('--seed')) {
  process.env.DATABASE_URL = targetUrl.toString()
  const { createPrismaClient } = await import('../src/server/db')
  const { seedDemo } = await import('../prisma/seed-data')
  const db = createPrismaClient(targetUrl.toString())
  await seedDemo(db)
  await db.$disconnect()
}
process.stdout.write(`database ${database} ready\n`)
