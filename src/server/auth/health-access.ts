/**
 * Who may read /api/health's details (latencies, which part failed, error text, memory): a request
 * carrying HEALTH_TOKEN (`Authorization: Bearer …` or `x-health-token`), or a SUPER_ADMIN's session.
 * Everyone else gets only the status.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { getToken } from 'next-auth/jwt'
import { getEnv } from '../env'
import { currentUser } from './current-user'
import { isSessionRevoked } from './session-revocation'

const digest = (value: string) => createHash('sha256').update(value).digest()

/** Constant-time comparison (of digests, so the lengths never differ). */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected))
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

function presentedToken(headers: IncomingHttpHeaders): string | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(header(headers, 'authorization') ?? '')?.[1]
  return bearer ?? header(headers, 'x-health-token')
}

const silent = { error: () => undefined, warn: () => undefined, debug: () => undefined }

/**
 * The role of the signed-in user a raw Node request belongs to (its next-auth session cookie), checked
 * like every request: a revoked session or a removed user counts as signed out. Null when signed out.
 */
export async function sessionRoleOf(headers: IncomingHttpHeaders): Promise<string | null> {
  const cookie = header(headers, 'cookie')
  if (!cookie) return null
  const env = getEnv()
  const secureCookie = env.AUTH_URL?.startsWith('https:') ?? false
  const token = await getToken({ req: { headers: { cookie } }, secret: env.AUTH_SECRET, secureCookie, logger: silent }).catch(() => null)
  if (!token?.sub || typeof token.sid !== 'string' || (await isSessionRevoked(token.sid))) return null
  const user = await currentUser(token.sub, token.sid).catch(() => null)
  return user?.role ?? null
}

async function isSuperAdminSession(headers: IncomingHttpHeaders): Promise<boolean> {
  return (await sessionRoleOf(headers)) === 'SUPER_ADMIN'
}

/** True when the request may see the health report's details. */
export async function mayReadHealthDetails(headers: IncomingHttpHeaders): Promise<boolean> {
  const expected = getEnv().HEALTH_TOKEN
  const given = presentedToken(headers)
  if (expected && given && sameSecret(given, expected)) return true
  return isSuperAdminSession(headers)
}
