/**
 * Prisma CLI config. Prisma 6.19 migrates offline only with the JS schema engine over @prisma/adapter-pg;
 * the workarounds below are for upstream bugs of that combination (see STACK notes in the README):
 *  - discrete connection fields, because `connectionString` overrides the shadow database's name;
 *  - a shadow database we create and drop WITH (FORCE) ourselves;
 *  - pg_catalog `name`/`"char"` columns reported as text (prisma/orm#27403);
 *  - long timers unref'd so the CLI exits when done instead of lingering.
 */
import { randomUUID } from 'node:crypto'
import nextEnv from '@next/env'
import { defineConfig } from 'prisma/config'
import { PrismaPg } from '@prisma/adapter-pg'

nextEnv.loadEnvConfig(process.cwd())

const originalSetTimeout = globalThis.setTimeout
globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const timer = originalSetTimeout(fn, ms, ...args)
  if ((ms ?? 0) >= 5000) timer.unref?.()
  return timer
}) as typeof setTimeout

// The schema's datasource reads env("DATABASE_URL"). Without it, `prisma generate` (our postinstall)
// falls back to downloading a query engine this project never uses, and fails offline. A fresh
// clone has no .env yet, so the demo database is the default here.
process.env.DATABASE_URL ||= 'postgresql://postgres@127.0.0.1:5432/soul_crm'
const url = new URL(process.env.DATABASE_URL)
const base = {
  host: url.hostname,
  port: Number(url.port || 5432),
  user: decodeURIComponent(url.username),
  password: decodeURIComponent(url.password),
  database: url.pathname.slice(1),
  allowExitOnIdle: true,
}

let patched = false
// The adapter's internal query method, as far as this patch needs it.
type PerformIO = (this: unknown, ...args: unknown[]) => Promise<{ fields?: Array<{ dataTypeID: number }> }>
function reportNameColumnsAsText(adapter: object) {
  if (patched) return
  for (let proto = Object.getPrototypeOf(adapter) as object | null; proto; proto = Object.getPrototypeOf(proto) as object | null) {
    if (Object.hasOwn(proto, 'performIO')) {
      const target = proto as { performIO: PerformIO }
      const original = target.performIO
      target.performIO = async function (this: unknown, ...args: unknown[]) {
        const result = await original.apply(this, args)
        for (const field of result.fields ?? []) {
          if (field.dataTypeID === 19 || field.dataTypeID === 18) field.dataTypeID = 25
        }
        return result
      }
      patched = true
      return
    }
  }
}

class MigrationAdapter extends PrismaPg {
  async connect() {
    const adapter = await super.connect()
    reportNameColumnsAsText(adapter)
    return adapter
  }

  async connectToShadowDb() {
    const admin = await this.connect()
    const database = `prisma_shadow_${randomUUID().replace(/-/g, '')}`
    await admin.executeScript(`CREATE DATABASE "${database}"`)
    const shadow = await new PrismaPg({ ...base, database }).connect()
    const dispose = shadow.dispose.bind(shadow)
    shadow.dispose = async () => {
      await dispose()
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
      await admin.dispose()
    }
    return shadow
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'node --import tsx prisma/seed.ts' },
  async adapter() {
    return new MigrationAdapter(base)
  },
})
