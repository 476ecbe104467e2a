/**
 * Sign-in against PostgreSQL and Redis: throttling per email and per IP (rate-limiter-flexible), a
 * success clearing the email's count, deactivated users refused, and old hashes upgraded.
 */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { db } from '../db'
import { createOrganization } from '../testing/factories'
import { checkCredentials } from './sign-in'
import { hashPassword } from './password'
import { recordSignInFailure } from './sign-in-throttle'

const PASSWORD = 'right-password-2026'
// Made by the previous parameters (N=2^14): 'old password'.
const OLD_HASH = 'scrypt$16384$8$1$CDr/SFCVWGCh715t3yVKqg==$9xzcjoqnUMYcCR5u89sk0/QoZBmBl/P962GtcV5vE0RAUfxOCXGjOLCArdH0X94fNeS4jF5gsCK7Dr4khSb2wA=='

async function user(passwordHash?: string) {
  const org = await createOrganization()
  const email = `signin-${randomUUID().slice(0, 8)}@test.soul.kg`
  const row = await db.user.create({
    data: { organizationId: org.id, email, name: 'Sign In', role: 'OPERATOR', passwordHash: passwordHash ?? (await hashPassword(PASSWORD)) },
    select: { id: true, email: true },
  })
  return row
}

const fromIp = (ip: string) => ip
const REFUSED = { refused: true }
const randomIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 4)}`

// Every attempt that reaches the password costs a full scrypt (~0.4 s idle): room for a loaded machine.
describe('checkCredentials', { timeout: 120_000 }, () => {
  it('after 5 wrong passwords the 6th attempt is throttled even with the right password', async () => {
    const { email } = await user()
    const ip = randomIp()
    for (let i = 0; i < 5; i++) expect(await checkCredentials({ email, password: `wrong-${i}` }, fromIp(ip))).toEqual(REFUSED)
    const attempt = checkCredentials({ email, password: PASSWORD }, fromIp(ip))
    await expect(attempt).resolves.toEqual({ throttledMinutes: 15 })
    await expect(checkCredentials({ email, password: PASSWORD }, fromIp(randomIp()))).resolves.toEqual({ throttledMinutes: 15 })
  })

  it('a success clears the email count: 4 failures, success, 4 more failures still sign in', async () => {
    const { email, id } = await user()
    const ip = randomIp()
    for (let i = 0; i < 4; i++) expect(await checkCredentials({ email, password: 'wrong' }, fromIp(ip))).toEqual(REFUSED)
    expect(await checkCredentials({ email, password: PASSWORD }, fromIp(ip))).toMatchObject({ user: { id } })
    for (let i = 0; i < 4; i++) expect(await checkCredentials({ email, password: 'wrong' }, fromIp(ip))).toEqual(REFUSED)
    expect(await checkCredentials({ email: email.toUpperCase(), password: PASSWORD }, fromIp(ip))).toMatchObject({ user: { id } })
  })

  it('throttles an IP address after SIGN_IN_IP_MAX_FAILURES failures across emails', async () => {
    const { email } = await user()
    const ip = randomIp()
    for (let i = 0; i < 50; i++) await recordSignInFailure(`other-${i}-${randomUUID()}@test.soul.kg`, ip)
    await expect(checkCredentials({ email, password: PASSWORD }, fromIp(ip))).resolves.toEqual({ throttledMinutes: 15 })
    // The same account from elsewhere is fine: only that address waits.
    expect(await checkCredentials({ email, password: PASSWORD }, fromIp(randomIp()))).toHaveProperty('user')
  })

  it('refuses a deactivated user with the same answer as a wrong password', async () => {
    const { email, id } = await user()
    await db.user.update({ where: { id }, data: { deactivatedAt: new Date() } })
    expect(await checkCredentials({ email, password: PASSWORD }, fromIp(randomIp()))).toEqual(REFUSED)
    expect(await checkCredentials({ email: `nobody-${randomUUID()}@test.soul.kg`, password: PASSWORD }, fromIp(randomIp()))).toEqual(REFUSED)
  })

  it('upgrades an old (N=2^14) hash at the next successful sign-in, and keeps it working', async () => {
    const { email, id } = await user(OLD_HASH)
    expect(await checkCredentials({ email, password: 'old password' }, fromIp(randomIp()))).toMatchObject({ user: { id } })
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })
    expect(passwordHash.startsWith('scrypt$131072$8$1$')).toBe(true)
    expect(await checkCredentials({ email, password: 'old password' }, fromIp(randomIp()))).toMatchObject({ user: { id } })
  })
})
