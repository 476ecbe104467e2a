/**
 * Sign-in throttling (rate-limiter-flexible over Redis, shared by every server process): at most 5
 * failed sign-ins per email and SIGN_IN_IP_MAX_FAILURES (default 50: an office behind one NAT) per IP
 * address in 15 minutes. Only failures count; a success clears the email's count. While throttled, the
 * attempt is refused before the password is checked, so even the right password waits.
 * Redis unreachable: sign-in goes on unthrottled (logged), rather than locking everyone out.
 */
import { createHash } from 'node:crypto'
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import { getEnv } from '../env'
import { logger } from '../logger'
import { processSingleton } from '../process-singleton'
import { getRedis, redisKey } from '../redis'

export const SIGN_IN_WINDOW_SECONDS = 15 * 60
export const EMAIL_MAX_FAILURES = 5

interface Limiters {
  email: RateLimiterRedis
  ip: RateLimiterRedis
}

function limiters(): Limiters {
  return processSingleton('sign-in-limiters', () => {
    const common = { storeClient: getRedis(), duration: SIGN_IN_WINDOW_SECONDS, rejectIfRedisNotReady: true }
    return {
      email: new RateLimiterRedis({ ...common, keyPrefix: redisKey('sign-in-failures', 'email'), points: EMAIL_MAX_FAILURES }),
      ip: new RateLimiterRedis({ ...common, keyPrefix: redisKey('sign-in-failures', 'ip'), points: getEnv().SIGN_IN_IP_MAX_FAILURES }),
    }
  })
}

// Emails are personal data: the keys carry a digest.
const emailKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 32)

async function safely<T>(what: string, run: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await run()
  } catch (err) {
    if (err instanceof RateLimiterRes) return fallback
    logger.warn({ err: (err as Error).message, event: 'auth.throttle_unavailable' }, `sign-in throttle: ${what} skipped (redis unavailable)`)
    return fallback
  }
}

/** Milliseconds until the next attempt may be made, or 0 when this email and IP may try now. */
export async function signInRetryAfterMs(email: string, ip: string): Promise<number> {
  const { email: byEmail, ip: byIp } = limiters()
  const [e, i] = await safely('check', () => Promise.all([byEmail.get(emailKey(email)), byIp.get(ip)]), [null, null] as const)
  const waits = [
    e && e.consumedPoints >= EMAIL_MAX_FAILURES ? e.msBeforeNext : 0,
    i && i.consumedPoints >= getEnv().SIGN_IN_IP_MAX_FAILURES ? i.msBeforeNext : 0,
  ]
  return Math.max(...waits)
}

/** Counts a failed sign-in against the email and the IP address. */
export async function recordSignInFailure(email: string, ip: string): Promise<void> {
  const { email: byEmail, ip: byIp } = limiters()
  await safely('count', () => Promise.all([byEmail.penalty(emailKey(email), 1), byIp.penalty(ip, 1)]), null)
}

/** A successful sign-in clears the email's failures (the IP's stay: other accounts may be under attack from it). */
export async function recordSignInSuccess(email: string): Promise<void> {
  await safely('reset', () => limiters().email.delete(emailKey(email)), false)
}
