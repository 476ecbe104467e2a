import { z } from 'zod'
import { db } from '../db'
import { logger } from '../logger'
import { verifyPassword } from './password'
import type { SessionUser } from './session-user'

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
})

/** Checks email + password; returns the session user or null (never says which part was wrong). */
export async function authorizeCredentials(raw: unknown): Promise<SessionUser | null> {
  const parsed = credentialsSchema.safeParse(raw)
  if (!parsed.success) return null
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, name: true, role: true, organizationId: true, locale: true, passwordHash: true },
  })
  if (!user || !(await verifyPassword(parsed.data.password, user.passwordHash))) {
    logger.info({ event: 'auth.failed' }, 'sign-in refused')
    return null
  }
  const { passwordHash: _hash, ...sessionUser } = user
  logger.info({ userId: user.id, organizationId: user.organizationId, event: 'auth.signed_in' }, 'signed in')
  return sessionUser
}
