/**
 * bench/faults.ts's environment, set after bench-env.ts and before any app module reads it: its own
 * database (soul_crm_bench_faults, plus `_<ns>` with SOUL_TEST_NAMESPACE) and Redis prefix, a private Redis on a free port (the Redis scenario
 * kills it; the simulated WhatsApp lives there too) and the human-like delays on, as in production.
 */
const port = 6900 + Math.floor(Math.random() * 100)
const suffix = process.env.SOUL_TEST_NAMESPACE ? `_${process.env.SOUL_TEST_NAMESPACE}` : ''
export const faultsDatabase = `soul_crm_bench_faults${suffix}`
const base = new URL(process.env.DATABASE_URL!)
base.pathname = `/${faultsDatabase}`
process.env.DATABASE_URL = base.toString()
process.env.REDIS_URL = `redis://127.0.0.1:${port}/0`
process.env.REDIS_PREFIX = `soul_bench_faults${suffix}`
process.env.WHATSAPP_DISABLE_DELAYS = 'false'

export const faultsRedisPort = port
