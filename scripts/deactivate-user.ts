/**
 * Deactivates a user by email (no sign-in; open sessions end within AUTH_USER_RECHECK_MS), or
 * reactivates them with --reactivate. For operators of the server, e.g. when no admin can sign in.
 *   node --import tsx scripts/deactivate-user.ts <email> [--reactivate]
 */
import nextEnv from '@next/env'

nextEnv.loadEnvConfig(process.cwd())
const { db } = await import('../src/server/db')

const args = process.argv.slice(2)
const email = args
  .find((a) => !a.startsWith('--'))
  ?.trim()
  .toLowerCase()
const reactivate = args.includes('--reactivate')
if (!email) {
  process.stderr.write('usage: deactivate-user.ts <email> [--reactivate]\n')
  process.exit(2)
}
const user = await db.user.findUnique({ where: { email }, select: { id: true } })
if (!user) {
  process.stderr.write(`no user with email ${email}\n`)
  await db.$disconnect()
  process.exit(1)
}
await db.user.update({ where: { id: user.id }, data: { deactivatedAt: reactivate ? null : new Date() }, select: { id: true } })
process.stdout.write(`${email} ${reactivate ? 'reactivated' : 'deactivated'}\n`)
await db.$disconnect()
