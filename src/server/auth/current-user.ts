/**
 * The user behind a session, as the database says now: a token proves who signed in, not what they
 * may do today. Read on every tRPC request and re-checked by open subscriptions, through a short
 * per-process cache (AUTH_USER_RECHECK_MS, at most 30 s): a deleted or deactivated user, a changed
 * role or a moved organization takes effect within that time. With several server processes each has
 * its own cache, which keeps the same bound.
 */
import { db } from '../db'
import { getEnv } from '../env'
import { logger } from '../logger'
import { processSingleton } from '../process-singleton'
import type { SessionUser } from './session-user'

interface CacheEntry {
  expiresAt: number
  user: Omit<SessionUser, 'sessionId'> | null
}

const cache = () => processSingleton('auth-user-cache', () => new Map<string, CacheEntry>())
const MAX_ENTRIES = 10_000

async function load(userId: string): Promise<CacheEntry['user']> {
  const row = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, organizationId: true, locale: true, deactivatedAt: true },
  })
  if (!row || row.deactivatedAt) return null
  const { deactivatedAt: _deactivatedAt, ...user } = row
  return user
}

/** The active user with this id (fresh within AUTH_USER_RECHECK_MS), or null when deleted or deactivated. */
export async function currentUser(userId: string, sessionId?: string): Promise<SessionUser | null> {
  const entries = cache()
  const now = Date.now()
  let entry = entries.get(userId)
  if (!entry || entry.expiresAt <= now) {
    let user: CacheEntry['user']
    try {
      user = await load(userId)
    } catch (err) {
      // PostgreSQL unreachable: the last known answer stands until it answers again (nobody can change a user meanwhile).
      if (!entry) throw err
      logger.warn({ userId, err: (err as Error).message, event: 'auth.user_check_stale' }, 'user check used the cached copy (database unavailable)')
      return entry.user ? { ...entry.user, sessionId } : null
    }
    entry = { expiresAt: now + getEnv().AUTH_USER_RECHECK_MS, user }
    if (entries.size >= MAX_ENTRIES) entries.clear()
    entries.set(userId, entry)
  }
  return entry.user ? { ...entry.user, sessionId } : null
}

/** Drops the cached copy, so a change made by this process (deactivation) applies to it at once. */
export function forgetCachedUser(userId: string): void {
  cache().delete(userId)
}
