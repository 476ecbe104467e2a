/**
 * The sign-in decision, without next-auth (authorize.ts adapts it): throttling, the password check at
 * equal cost for unknown, deactivated and real users, and upgrading old hashes.
 */
import { z } from 'zod'
import { db } from '../db'
import { logger } from '../logger'
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password'
import { recordSignInFailure, recordSignInSuccess, signInRetryAfterMs } from './sign-in-throttle'

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
})

/** Reads the minutes from a throttled sign-in's error code (`throttled:<minutes>`), or null for any other code. */
export function throttledMinutes(code: string | undefined): number | null {
  const match = /^throttled:(\d+)$/.exec(code ?? '')
  return match ? Number(match[1]) : null
}

export interface AuthorizedUser {
  id: string
  email: string
  name: string
}

export type SignInResult = { user: AuthorizedUser } | { refused: true } | { throttledMinutes: number }

/**
 * Checks email + password from the client at `ip`: the user, or refused (never saying which part was
 * wrong, nor whether the email exists: unknown and deactivated users cost the same hash as a wrong
 * password), or throttled after too many failures (sign-in-throttle.ts), before the password is looked at.
 */
export async function checkCredentials(raw: unknown, ip: string): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(raw)
  if (!parsed.success) return { refused: true }
  const { email, password } = parsed.data

  const waitMs = await signInRetryAfterMs(email, ip)
  if (waitMs > 0) {
    logger.warn({ event: 'auth.throttled', ip }, 'sign-in throttled')
    return { throttledMinutes: Math.max(1, Math.ceil(waitMs / 60_000)) }
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, organizationId: true, passwordHash: true, deactivatedAt: true },
  })
  const usable = user && !user.deactivatedAt
  const ok = usable ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password)
  if (!ok || !user || !usable) {
    // A hash weaker than today's was cheaper to check: spend the difference, so it does not stand out.
    if (usable && needsRehash(user.passwordHash)) await verifyAgainstDummy(password)
    await recordSignInFailure(email, ip)
    logger.info({ event: 'auth.failed', ip }, 'sign-in refused')
    return { refused: true }
  }
  await recordSignInSuccess(email)
  if (needsRehash(user.passwordHash)) {
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) }, select: { id: true } })
    logger.info({ userId: user.id, organizationId: user.organizationId, event: 'auth.password_rehashed' }, 'password hash upgraded')
  }
  logger.info({ userId: user.id, organizationId: user.organizationId, event: 'auth.signed_in' }, 'signed in')
  return { user: { id: user.id, email: user.email, name: user.name } }
}
