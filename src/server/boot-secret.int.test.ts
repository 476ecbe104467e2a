/**
 * A production server refuses to boot with the .env.example placeholder AUTH_SECRET (or one under 32
 * bytes), naming the variable, before Next.js is even prepared (no build needed to see it).
 */
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { AUTH_SECRET_PLACEHOLDER } from './env'
import { integrationEnv } from './testing/test-env'

function boot(secret: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['--import', 'tsx', 'server.ts'], {
      env: { ...process.env, ...integrationEnv, NODE_ENV: 'production', LOG_LEVEL: 'info', PORT: '3599', HOST: '127.0.0.1', AUTH_SECRET: secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    // A server that does boot would listen for ever: that is the failure this test exists to catch.
    const guard = setTimeout(() => child.kill('SIGKILL'), 45_000)
    child.on('error', reject)
    child.on('exit', (code) => {
      clearTimeout(guard)
      resolve({ code, output })
    })
  })
}

describe('boot with a weak AUTH_SECRET in production', () => {
  it('exits non-zero naming AUTH_SECRET for the .env.example placeholder', async () => {
    const { code, output } = await boot(AUTH_SECRET_PLACEHOLDER)
    expect(code).not.toBe(0)
    expect(code).not.toBeNull()
    expect(output).toMatch(/AUTH_SECRET: AUTH_SECRET is the \.env\.example placeholder/)
  }, 60_000)

  it('exits non-zero naming AUTH_SECRET for a secret shorter than 32 bytes', async () => {
    const { code, output } = await boot('only-twenty-four-bytes!!')
    expect(code).toBe(1)
    expect(output).toMatch(/AUTH_SECRET must be at least 32 bytes in production/)
  }, 60_000)
})
