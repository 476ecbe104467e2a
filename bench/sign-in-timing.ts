/**
 * Sign-in timing, known vs unknown email, before and after issue 11 (in process, against PostgreSQL
 * and Redis): "before" replays the old path (user lookup, then scrypt N=2^14 only when the user exists),
 * "after" is checkCredentials (dummy hash for unknown users, N=2^17). Prints medians of 10 each.
 *   node --import tsx bench/sign-in-timing.ts
 * Uses its own database (soul_crm_bench_signin) and Redis prefix (soul_bench_signin), `_<ns>` added with SOUL_TEST_NAMESPACE.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes, randomUUID, scryptSync } from 'node:crypto'

const base = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/soul_crm')
const suffix = process.env.SOUL_TEST_NAMESPACE ? `_${process.env.SOUL_TEST_NAMESPACE}` : ''
const database = `soul_crm_bench_signin${suffix}`
base.pathname = `/${database}`
Object.assign(process.env, {
  DATABASE_URL: base.toString(),
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
  REDIS_PREFIX: `soul_bench_signin${suffix}`,
  LOG_LEVEL: 'silent',
  AUTH_SECRET: 'bench-secret-not-for-production-0123456789',
})
execFileSync('node', ['--import', 'tsx', 'scripts/prepare-db.ts', database, '--reset'], { stdio: ['ignore', 'ignore', 'inherit'] })

const { db } = await import('../src/server/db')
const { hashPassword, verifyPassword } = await import('../src/server/auth/password')
const { checkCredentials } = await import('../src/server/auth/sign-in')

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!
const time = async (run: () => Promise<unknown>) => {
  const started = performance.now()
  await run()
  return performance.now() - started
}

const org = await db.organization.create({ data: { name: 'bench' }, select: { id: true } })
const salt = randomBytes(16)
const oldHash = ['scrypt', 16384, 8, 1, salt.toString('base64'), scryptSync('secret', salt, 64, { N: 16384, r: 8, p: 1 }).toString('base64')].join('$')
const makeUser = async (passwordHash: string) =>
  (await db.user.create({ data: { organizationId: org.id, email: `b-${randomUUID()}@bench.kg`, name: 'b', passwordHash }, select: { email: true } })).email

// Before: the old authorizeCredentials (no hash for unknown emails, N=2^14).
async function oldCheck(email: string, password: string) {
  const user = await db.user.findUnique({ where: { email }, select: { passwordHash: true } })
  return !!user && (await verifyPassword(password, user.passwordHash))
}

const before = { known: [] as number[], unknown: [] as number[] }
const after = { known: [] as number[], unknown: [] as number[] }
const oldKnown = await makeUser(oldHash)
const newKnown = await Promise.all([0, 1].map(async () => makeUser(await hashPassword('secret'))))
for (let i = 0; i < 10; i++) {
  before.known.push(await time(() => oldCheck(oldKnown, 'wrong')))
  before.unknown.push(await time(() => oldCheck(`nobody-${i}@bench.kg`, 'wrong')))
  // 5 failures per email stay under its throttle; a fresh IP each time stays under the IP's.
  after.known.push(await time(() => checkCredentials({ email: newKnown[i % 2], password: 'wrong' }, `ip-${i}`)))
  after.unknown.push(await time(() => checkCredentials({ email: `nobody-${i}@bench.kg`, password: 'wrong' }, `ip-u-${i}`)))
}
const line = (what: string, t: { known: number[]; unknown: number[] }) =>
  `${what}: known email median ${median(t.known).toFixed(0)} ms, unknown email median ${median(t.unknown).toFixed(0)} ms, ratio unknown/known ${(median(t.unknown) / median(t.known)).toFixed(2)}\n`
process.stdout.write(line('before (N=2^14, unknown skips the hash)', before))
process.stdout.write(line('after  (N=2^17, dummy hash for unknown)', after))
await db.$disconnect()
process.exit(0)
