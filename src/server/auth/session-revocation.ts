/**
 * Server-side sign-out: a deny-list of session ids in Redis. next-auth re-signs the JWT with a fresh
 * `jti` on every session read (rolling expiry), so every copy of one sign-in carries the same `sid`
 * (set once at sign-in) and the deny-list is keyed by it. An entry lives as long as the longest a copy
 * of that session could still be valid: the session's max age from the sign-out (a revoked session is
 * never re-signed again, see the jwt callback in index.ts).
 */
import { logger } from '../logger'
import { getRedis, redisKey, withTimeout } from '../redis'

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600

const revokedKey = (sessionId: string) => redisKey('auth-revoked', sessionId)

/** Revokes every copy of the session's token until it would have expired. */
export async function revokeSession(sessionId: string): Promise<void> {
  await withTimeout(getRedis().set(revokedKey(sessionId), '1', 'EX', SESSION_MAX_AGE_SECONDS), 2000, 'redis did not answer within 2 s')
}

/**
 * True when the session was signed out. Redis unreachable: false (logged), so an outage does not sign
 * everyone out; revocations made before the outage take effect again once Redis is back.
 */
export async function isSessionRevoked(sessionId: string): Promise<boolean> {
  try {
    return (await withTimeout(getRedis().exists(revokedKey(sessionId)), 1000, 'redis did not answer within 1 s')) === 1
  } catch (err) {
    logger.warn({ err: (err as Error).message, event: 'auth.revocation_unavailable' }, 'session revocation check skipped (redis unavailable)')
    return false
  }
}
