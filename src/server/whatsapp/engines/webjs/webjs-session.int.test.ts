/**
 * The real engine under the session manager on this machine, where WhatsApp is unreachable: Connect
 * ends in a clear ERROR status with the cause after backing off, the process does not crash, and no
 * Chromium is left behind.
 */
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CHROMIUM_PATH } from '~/server/chromium'
import { db } from '~/server/db'
import { resetEnvForTests } from '~/server/env'
import { getEventBus } from '~/server/events/event-bus'
import { createOrganization } from '~/server/testing/factories'
import { waitFor } from '~/server/testing/wait-for'
import { WhatsAppSessionManager } from '../../session-manager'
import { createWebjsEngineFactory } from '.'

const dirs: string[] = []
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })))
})

function chromiumWith(marker: string): number {
  try {
    return execFileSync('pgrep', ['-f', marker], { encoding: 'utf8' }).split('\n').filter(Boolean).length
  } catch {
    return 0
  }
}

describe('webjs engine under the session manager, offline', () => {
  it('backs off, then ends in ERROR with the cause, leaving no Chromium behind', async () => {
    const baseDir = await mkdtemp(path.join(os.tmpdir(), 'soul-webjs-session-'))
    dirs.push(baseDir)
    process.env.WHATSAPP_DATA_PATH = baseDir
    resetEnvForTests()
    const org = await createOrganization()
    const manager = new WhatsAppSessionManager({
      engineFactory: createWebjsEngineFactory({ chromiumPath: CHROMIUM_PATH, authMode: 'local' }),
      // Two attempts (2 s, 4 s) instead of five, to keep the test short; the sequence is unit-tested.
      client: { maxReconnectAttempts: 2 },
      leaseTtlMs: 30_000,
      tickMs: 60_000,
    })
    const reconnects: number[] = []
    const abort = new AbortController()
    const collecting = (async () => {
      for await (const e of getEventBus().subscribe(org.id, { types: ['whatsapp.status'], signal: abort.signal })) {
        if (e.event.data.reconnect) reconnects.push(e.event.data.reconnect.delayMs)
      }
    })()
    try {
      await manager.connect(org.id)
      const failed = await waitFor(
        async () => {
          const row = await db.whatsAppSession.findUnique({ where: { organizationId: org.id } })
          return row?.status === 'ERROR' ? row : null
        },
        90_000,
        250,
      )
      // The final error keeps the cause of the last failed attempt (issue 9, point 11).
      expect(failed.errorCode).toBe('WHATSAPP_UNREACHABLE')
      expect(failed.errorMessage).toMatch(/WHATSAPP_UNREACHABLE/)
      expect(failed.wantedConnected).toBe(false)
      expect(reconnects).toEqual([2000, 4000])
      expect(manager.hasLocalSession(org.id)).toBe(false)
      await waitFor(() => chromiumWith(baseDir) === 0, 10_000, 200)
    } finally {
      abort.abort()
      await collecting
      await manager.disconnectAll()
      delete process.env.WHATSAPP_DATA_PATH
      resetEnvForTests()
    }
  }, 120_000)
})
