/**
 * Shared steps for the security flows: users made straight in the e2e database (so throttling and
 * deletion never touch the demo accounts other flows sign in with), and raw sign-ins through
 * next-auth's own endpoint (CSRF token first), as an attacker's script would do them.
 */
import { randomUUID } from 'node:crypto'
import type { APIRequestContext } from '@playwright/test'
import pg from 'pg'
import { e2eServerEnv } from '../playwright.config'
import { hashPassword } from '../src/server/auth/password'

export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eServerEnv.DATABASE_URL })
  await client.connect()
  try {
    return (await client.query<T>(text, values)).rows
  } finally {
    await client.end()
  }
}

export interface TestUser {
  id: string
  email: string
  password: string
}

/** A fresh user of the demo organization (or `organizationId`), with a real password hash (or `passwordHash`). */
export async function createTestUser(
  role: 'OPERATOR' | 'ADMIN' | 'SUPER_ADMIN' = 'OPERATOR',
  options: { organizationId?: string; passwordHash?: string; password?: string } = {},
): Promise<TestUser> {
  const id = `e2e_${randomUUID().replace(/-/g, '').slice(0, 20)}`
  const email = `sec-${randomUUID().slice(0, 8)}@e2e.soul.kg`
  const password = options.password ?? `pw-${randomUUID()}`
  await sql(`INSERT INTO users (id, "organizationId", email, "passwordHash", name, role, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6::"UserRole", now())`, [
    id,
    options.organizationId ?? 'org_demo',
    email,
    options.passwordHash ?? (await hashPassword(password)),
    `Security ${role}`,
    role,
  ])
  return { id, email, password }
}

/** An address nobody else uses (a header value only: the server trusts one proxy in e2e). */
export const freshIp = () => `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}::1`

/** One raw sign-in through /api/auth/callback/credentials; returns how it ended and how long the server took. */
export async function rawSignIn(
  request: APIRequestContext,
  email: string,
  password: string,
  ip: string,
): Promise<{ outcome: 'signed-in' | 'refused' | 'throttled'; ms: number; location: string }> {
  const headers = { 'x-forwarded-for': ip }
  const { csrfToken } = (await (await request.get('/api/auth/csrf', { headers })).json()) as { csrfToken: string }
  const started = performance.now()
  const res = await request.post('/api/auth/callback/credentials', { form: { email, password, csrfToken }, headers, maxRedirects: 0 })
  const ms = performance.now() - started
  const location = res.headers().location ?? ''
  const outcome = /code=throttled/.test(location) ? 'throttled' : /error=/.test(location) ? 'refused' : 'signed-in'
  return { outcome, ms, location }
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
