/**
 * The real engine on this machine: the system Chromium starts, WhatsApp Web is unreachable (no DNS for
 * web.whatsapp.com here). Checks the error codes and that no Chromium process outlives a failed start.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHROMIUM_PATH } from '~/server/chromium'
import { db } from '~/server/db'
import { isEngineError, type EngineError } from '../../engine/errors'
import type { EngineEvents, WaEngine } from '../../engine/types'
import { createWhatsAppClientConfig } from '../../phone'
import { createDatabaseArchiveStore, createMemoryArchiveStore } from '../../session-store'
import wwebjs from 'whatsapp-web.js'
import { createWebjsEngine, type WebjsEngineOptions } from './webjs-engine'

const CHROMIUM = CHROMIUM_PATH

/** Live (non-zombie) processes `pgrep -f chromium` finds, with their command lines. */
function chromiumProcesses(): Map<number, string> {
  let out = ''
  try {
    out = execFileSync('pgrep', ['-f', 'chromium'], { encoding: 'utf8' })
  } catch {
    return new Map() // pgrep exits 1 when nothing matches
  }
  const found = new Map<number, string>()
  for (const pid of out.split('\n').filter(Boolean).map(Number)) {
    try {
      const state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '')[0]
      if (state === 'Z' || pid === process.pid) continue // zombies hold nothing; init reaps them
      found.set(pid, readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '))
    } catch {
      // exited between pgrep and the read
    }
  }
  return found
}

/**
 * Collects this file's Chromium processes (their command line carries `--user-data-dir` under our temp
 * folder) from the start of `run` until `leftovers()`. A bare before/after diff of `pgrep` is not
 * enough on a shared machine: other Chromium users (Playwright runs) come and go meanwhile.
 */
async function watchChromium<T>(run: () => Promise<T>) {
  const before = new Set(chromiumProcesses().keys())
  const ours = () => [...chromiumProcesses()].filter(([pid, cmd]) => !before.has(pid) && cmd.includes(baseDir))
  const seen = new Map<number, string>()
  const poll = setInterval(() => {
    for (const [pid, cmd] of ours()) seen.set(pid, cmd)
  }, 100)
  const startedAt = Date.now()
  const outcome = await run().then(
    (value) => ({ value, error: null as unknown }),
    (error: unknown) => ({ value: null, error }),
  )
  const elapsedMs = Date.now() - startedAt
  /** Our Chromium processes still alive after up to 5 s (exit takes a moment). */
  const leftovers = async () => {
    clearInterval(poll)
    const deadline = Date.now() + 5000
    let alive = ours()
    while (alive.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      alive = ours()
    }
    return alive.map(([pid, cmd]) => `${pid} ${cmd.slice(0, 120)}`)
  }
  return { ...outcome, elapsedMs, seen, leftovers }
}

const EVENTS: Array<keyof EngineEvents> = ['qr', 'authenticated', 'ready', 'auth_failure', 'message', 'message_ack', 'disconnected']

function recordEvents(engine: WaEngine) {
  const events: string[] = []
  for (const name of EVENTS) engine.on(name, () => void events.push(name))
  return events
}

let baseDir: string
const processErrors: unknown[] = []
const onProcessError = (err: unknown) => void processErrors.push(err)

beforeAll(async () => {
  baseDir = await mkdtemp(path.join(os.tmpdir(), 'soul-webjs-engine-'))
})

afterAll(async () => {
  await rm(baseDir, { recursive: true, force: true })
})

beforeEach(() => {
  processErrors.length = 0
  process.on('unhandledRejection', onProcessError)
  process.on('uncaughtException', onProcessError)
})

afterEach(() => {
  process.off('unhandledRejection', onProcessError)
  process.off('uncaughtException', onProcessError)
  expect(processErrors).toEqual([])
})

function engineOptions(overrides: Partial<WebjsEngineOptions> = {}): WebjsEngineOptions {
  const organizationId = `test${Math.random().toString(36).slice(2, 10)}`
  const config = createWhatsAppClientConfig(organizationId, 'integration', baseDir)
  return {
    organizationId,
    mode: 'integration',
    clientId: config.clientId,
    dataPath: config.dataPath,
    store: createMemoryArchiveStore(),
    chromiumPath: CHROMIUM,
    authMode: 'local',
    ...overrides,
  }
}

describe('webjs engine without WhatsApp', () => {
  it('rejects initialize() with WHATSAPP_UNREACHABLE (retryable) and leaves no Chromium behind', { timeout: 60_000 }, async () => {
    const options = engineOptions()
    const engine = createWebjsEngine(options)
    const events = recordEvents(engine)

    const run = await watchChromium(() => engine.initialize())

    expect(isEngineError(run.error)).toBe(true)
    expect(run.error).toMatchObject({ code: 'WHATSAPP_UNREACHABLE', retryable: true })
    expect((run.error as EngineError).message).toContain('ERR_NAME_NOT_RESOLVED')
    expect(run.elapsedMs).toBeLessThan(30_000)
    // The check below only means something if Chromium really ran, on this engine's profile.
    expect([...run.seen.values()].some((cmd) => cmd.includes(`--user-data-dir=${options.dataPath}`))).toBe(true)
    expect(await run.leftovers()).toEqual([])
    expect(events).toEqual([])

    await engine.destroy() // idempotent after the failed start
    await engine.destroy()
    await expect(engine.initialize()).rejects.toMatchObject({ code: 'NOT_CONNECTED' })
  })

  it('does the same with the database session store, which it leaves untouched', { timeout: 60_000 }, async () => {
    const org = await db.organization.create({ data: { name: 'webjs engine test' } })
    const config = createWhatsAppClientConfig(org.id, 'integration', baseDir)
    const engine = createWebjsEngine(
      engineOptions({
        organizationId: org.id,
        clientId: config.clientId,
        dataPath: config.dataPath,
        store: createDatabaseArchiveStore(org.id),
        authMode: 'database',
      }),
    )
    const events = recordEvents(engine)

    const run = await watchChromium(() => engine.initialize())

    expect(run.error).toMatchObject({ code: 'WHATSAPP_UNREACHABLE', retryable: true })
    expect(run.seen.size).toBeGreaterThan(0)
    expect(await run.leftovers()).toEqual([])
    expect(events).toEqual([])
    expect(await db.whatsAppSession.findUnique({ where: { organizationId: org.id } })).toBeNull()
  })

  it('rejects with BROWSER_LAUNCH_FAILED (not retryable) for a bad chromiumPath', { timeout: 30_000 }, async () => {
    const engine = createWebjsEngine(engineOptions({ chromiumPath: path.join(baseDir, 'no-such-chromium') }))
    const run = await watchChromium(() => engine.initialize())
    expect(run.error).toMatchObject({ code: 'BROWSER_LAUNCH_FAILED', retryable: false })
    expect(await run.leftovers()).toEqual([])
  })

  it('times out a start that takes too long and still closes the browser launched meanwhile', { timeout: 60_000 }, async () => {
    const engine = createWebjsEngine(engineOptions({ initTimeoutMs: 300 }))
    const run = await watchChromium(() => engine.initialize())
    expect(run.error).toMatchObject({ code: 'TIMEOUT', retryable: true })
    // The launch was still in flight when the timeout fired; give it time to land, then it must close.
    await new Promise((resolve) => setTimeout(resolve, 3000))
    expect(run.seen.size).toBeGreaterThan(0)
    expect(await run.leftovers()).toEqual([])
  })

  it('refuses session work before ready without starting anything', async () => {
    const engine = createWebjsEngine(engineOptions({ authMode: 'database' }))
    expect(engine.kind).toBe('webjs')
    expect(engine.capabilities).toEqual({ contacts: true, avatars: true, history: true })
    expect(engine.getMe()).toBeNull()
    await expect(engine.sendText('996555123456@c.us', 'hi')).rejects.toMatchObject({ code: 'NOT_CONNECTED', retryable: true })
    await expect(engine.getContact('996555123456@c.us')).rejects.toMatchObject({ code: 'NOT_CONNECTED' })
    await expect(engine.getChats!()).rejects.toMatchObject({ code: 'NOT_CONNECTED' })
    await expect(engine.logout()).rejects.toMatchObject({ code: 'NOT_CONNECTED' })
    await expect(engine.syncSession()).resolves.toBeUndefined()
    await expect(engine.destroy()).resolves.toBeUndefined()
  })

  it('kills the whole Chromium process group on destroy: no child survives even when only the main process went', { timeout: 60_000 }, async () => {
    let mainPid: number | undefined
    const groups = new Map<number, number>() // pid → process group, for this engine's Chromium processes
    const options = engineOptions({
      // The real library client, whose destroy() freezes Chromium's children (a hung renderer or utility
      // process that never notices its parent went) and kills only the main process: the children must
      // still go, with the process group.
      clientFactory: (clientOptions) => {
        const client = new wwebjs.Client(clientOptions)
        Object.assign(client, {
          destroy: async () => {
            const main = client.pupBrowser?.process()
            mainPid = main?.pid
            collect()
            for (const [pid, pgrp] of groups) if (pgrp === mainPid && pid !== mainPid) signalQuietly(pid, 'SIGSTOP')
            main?.kill('SIGKILL')
          },
        })
        return client
      },
    })
    const collect = () => {
      for (const [pid, cmd] of chromiumProcesses()) {
        if (!cmd.includes(options.dataPath)) continue
        const pgrp = processGroupOf(pid)
        if (pgrp) groups.set(pid, pgrp)
      }
    }
    const engine = createWebjsEngine(options)
    const run = await watchChromium(async () => {
      const poll = setInterval(collect, 20)
      try {
        return await engine.initialize()
      } finally {
        clearInterval(poll)
      }
    })
    try {
      expect(run.error).toMatchObject({ code: 'WHATSAPP_UNREACHABLE' })
      expect(mainPid).toBeDefined()
      // Puppeteer launched Chromium detached: the main process leads its own group, its children are in it.
      const group = [...groups].filter(([, pgrp]) => pgrp === mainPid).map(([pid]) => pid)
      expect(group).toContain(mainPid)
      expect(group.length).toBeGreaterThan(1)
      expect(await run.leftovers()).toEqual([])
      // Still in Chromium's group (a pid reused by another process meanwhile is not a survivor); the kernel
      // finishes a SIGKILL a moment after it is sent, so a loaded machine may show the dying ones briefly.
      await vi.waitFor(() => expect(group.filter((pid) => processGroupOf(pid) === mainPid)).toEqual([]), { timeout: 3000, interval: 50 })
    } finally {
      if (mainPid) signalQuietly(-mainPid, 'SIGKILL')
    }
  })
})

/** The process group of a live (non-zombie) process, or null. */
function processGroupOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ')
    return fields[0] === 'Z' ? null : Number(fields[2])
  } catch {
    return null
  }
}

function signalQuietly(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal)
  } catch {
    // already gone
  }
}
