/**
 * GET /api/health: 200 with both parts up; 503 naming Redis when a second server instance points at
 * a closed Redis port. The details need HEALTH_TOKEN (signed out, only the status: security-auth.e2e.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { expect, test } from '@playwright/test'
import { e2eServerEnv } from '../playwright.config'

const withToken = { headers: { authorization: `Bearer ${e2eServerEnv.HEALTH_TOKEN}` } }

test('health is 200 when PostgreSQL and Redis are up', async ({ request }) => {
  const res = await request.get('/api/health', withToken)
  expect(res.status()).toBe(200)
  const body = await res.json()
  expect(body).toMatchObject({ status: 'ok', checks: { database: { ok: true }, redis: { ok: true } }, failing: [] })
  expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0)
})

test.describe('with Redis unreachable', () => {
  const port = 3290
  let child: ChildProcess

  test.beforeAll(async () => {
    child = spawn('node', ['--import', 'tsx', 'server.ts'], {
      env: {
        ...process.env,
        ...e2eServerEnv,
        NODE_ENV: e2eServerEnv.NODE_ENV as 'production' | 'development',
        PORT: String(port),
        AUTH_URL: `http://localhost:${port}`,
        REDIS_URL: 'redis://127.0.0.1:1/0',
        LOG_LEVEL: 'fatal',
      },
      stdio: 'ignore',
    })
    const deadline = Date.now() + 90_000
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`)
        if (res.status) break
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('second server did not start')
      await new Promise((r) => setTimeout(r, 500))
    }
  })

  test.afterAll(async () => {
    child.kill('SIGKILL')
  })

  test('health is 503 and names redis', async () => {
    const signedOut = await fetch(`http://127.0.0.1:${port}/api/health`)
    expect(signedOut.status).toBe(503)
    expect(await signedOut.json()).toEqual({ status: 'degraded' })
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, withToken)
    expect(res.status).toBe(503)
    const body = await res.json()
    expect(body.status).toBe('degraded')
    expect(body.failing).toEqual(['redis'])
    expect(body.checks.database.ok).toBe(true)
    expect(body.checks.redis.ok).toBe(false)
    expect(JSON.stringify(body)).not.toContain('redis://')
  })
})
