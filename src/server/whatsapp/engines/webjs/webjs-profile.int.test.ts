/**
 * The stored profile never rolls back (issue 9, point 9): the real WebjsEngine and DatabaseAuth over the
 * library-shaped fake client (which drives the auth strategy where Client.js does) and the real
 * PostgreSQL archive store, on a small fake Chromium profile.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { db } from '~/server/db'
import { createOrganization } from '~/server/testing/factories'
import { waitFor } from '~/server/testing/wait-for'
import type { WaEngine } from '../../engine/types'
import { createWhatsAppClientConfig } from '../../phone'
import { createDatabaseArchiveStore } from '../../session-store'
import { FakeWebjsClientFactory, type FakeWebjsClient } from './testing/fake-webjs-client'
import { record } from './testing/fake-engine-harness'
import { createWebjsEngine } from './webjs-engine'

let baseDir: string
beforeAll(async () => {
  baseDir = await mkdtemp(path.join(os.tmpdir(), 'soul-webjs-profile-'))
})
afterAll(async () => {
  await rm(baseDir, { recursive: true, force: true })
})

const tick = () => new Promise((resolve) => setImmediate(resolve))
const LOCAL_STORAGE = 'Default/Local Storage/leveldb/000003.log'
const INDEXED_DB = 'Default/IndexedDB/https_web.whatsapp.com_0.indexeddb.leveldb/000003.log'
/** Chromium's cache: in the local profile only, never in the archive (RemoteAuth.js:59-63). */
const CACHE = 'Default/Cache/Cache_Data/index'

async function writeFiles(profile: string, files: Record<string, Buffer>) {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(profile, relative)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, content)
  }
}

async function organization() {
  const org = await createOrganization()
  const config = createWhatsAppClientConfig(org.id, 'integration', baseDir)
  const profile = path.join(config.dataPath, config.sessionName)
  const row = () => db.whatsAppSession.findUnique({ where: { organizationId: org.id } })
  /** One launch: a real engine in database mode over a fake client that drives DatabaseAuth. */
  const launch = (setup: (client: FakeWebjsClient) => void = () => undefined): { engine: WaEngine; factory: FakeWebjsClientFactory } => {
    const factory = new FakeWebjsClientFactory((client) => {
      client.withAuthStrategy()
      setup(client)
    })
    const engine = createWebjsEngine({
      organizationId: org.id,
      mode: 'integration',
      clientId: config.clientId,
      dataPath: config.dataPath,
      store: createDatabaseArchiveStore(org.id),
      chromiumPath: '/nonexistent/chromium',
      authMode: 'database',
      clientFactory: factory.create,
      initialSyncDelayMs: 0,
    })
    return { engine, factory }
  }
  return { org, config, profile, row, launch }
}

/** Links a new session, fills the profile, and waits for the first save after `ready`. */
async function linkedAndSaved(o: Awaited<ReturnType<typeof organization>>) {
  const first = o.launch()
  await first.engine.initialize()
  await writeFiles(o.profile, { [LOCAL_STORAGE]: randomBytes(512), [INDEXED_DB]: randomBytes(1024), [CACHE]: randomBytes(256) })
  await first.factory.last.link()
  const saved = await waitFor(async () => {
    const row = await o.row()
    return row?.sessionDataHash ? row : null
  })
  return { ...first, saved }
}

describe('a reconnect keeps the local profile', () => {
  it('CONFLICT saves the newer profile before the relaunch, and the relaunch starts on the local profile, not the older archive', async () => {
    const o = await organization()
    const { engine, factory, saved } = await linkedAndSaved(o)
    expect(saved.sessionDataSize).toBeGreaterThan(0)

    // The session moves on after the save (new keys, synced chats).
    const newer = randomBytes(512)
    await writeFiles(o.profile, { [LOCAL_STORAGE]: newer })
    const events = record(engine)
    await factory.last.emitState('CONFLICT')
    expect(events.map((e) => [e.name, ...e.args])).toEqual([['disconnected', 'CONFLICT', 'CONFLICT']])

    const after = (await o.row())!
    expect(after.sessionDataHash).not.toBe(saved.sessionDataHash) // saved before relaunching
    expect((await readFile(path.join(o.profile, LOCAL_STORAGE))).equals(newer)).toBe(true) // kept
    await engine.destroy()

    const relaunch = o.launch((client) => client.setSession('restored'))
    await relaunch.engine.initialize()
    // Not unpacked: the archive never holds the cache, yet it is still there; the newer state too.
    expect(existsSync(path.join(o.profile, CACHE))).toBe(true)
    expect((await readFile(path.join(o.profile, LOCAL_STORAGE))).equals(newer)).toBe(true)
    await tick()
    await tick()
    expect(relaunch.engine.getMe()).not.toBeNull()
    await relaunch.engine.destroy()
  })

  it('unpacks the stored archive when another process saved after this profile (a takeover)', async () => {
    const o = await organization()
    const { engine } = await linkedAndSaved(o)
    await engine.destroy()
    // Another process took the session over and stored its own, newer archive (made from a copy).
    const elsewhere = await organization()
    const other = await linkedAndSaved(elsewhere)
    await other.engine.syncSession()
    const otherRow = (await elsewhere.row())!
    await createDatabaseArchiveStore(o.org.id).save(o.config.sessionName, Buffer.from(otherRow.sessionData!))

    const relaunch = o.launch((client) => client.setSession('restored'))
    await relaunch.engine.initialize()
    expect(existsSync(path.join(o.profile, CACHE))).toBe(false) // replaced by the archive
    expect(existsSync(path.join(o.profile, INDEXED_DB))).toBe(true)
    await relaunch.engine.destroy()
    await other.engine.destroy()
  })

  it('saves on the configured interval after ready (RemoteAuth keeps its 60000 ms minimum)', async () => {
    const o = await organization()
    const intervals = vi.spyOn(globalThis, 'setInterval')
    try {
      const factory = new FakeWebjsClientFactory((client) => client.withAuthStrategy())
      const engine = createWebjsEngine({
        organizationId: o.org.id,
        mode: 'integration',
        clientId: o.config.clientId,
        dataPath: o.config.dataPath,
        store: createDatabaseArchiveStore(o.org.id),
        chromiumPath: '/nonexistent/chromium',
        authMode: 'database',
        clientFactory: factory.create,
        initialSyncDelayMs: 60_000,
        backupSyncIntervalMs: 15 * 60_000,
      })
      await engine.initialize()
      await factory.last.link()
      await tick()
      expect(intervals.mock.calls.some(([, ms]) => ms === 15 * 60_000)).toBe(true)
      await engine.destroy()
      expect(() =>
        createWebjsEngine({
          organizationId: o.org.id,
          mode: 'integration',
          clientId: o.config.clientId,
          dataPath: o.config.dataPath,
          store: createDatabaseArchiveStore(o.org.id),
          chromiumPath: '/nonexistent/chromium',
          authMode: 'database',
          clientFactory: factory.create,
          backupSyncIntervalMs: 59_999,
        }),
      ).toThrow(/backupSyncIntervalMs/)
    } finally {
      intervals.mockRestore()
    }
  })
})

describe('a phone-side unlink kills the stored archive', () => {
  it('LOGOUT navigation marks the archive dead, and a reconnect started at once unpacks nothing (a QR)', async () => {
    const o = await organization()
    const { engine, factory } = await linkedAndSaved(o)
    const events = record(engine)
    // As WhatsAppClient does: sync from inside the `disconnected` emit, before the strategy's logout runs.
    const syncs: Array<Promise<void>> = []
    engine.on('disconnected', () => void syncs.push(engine.syncSession()))

    // The library's handler runs on; the engine closes its browser and a quick reconnect starts before
    // the handler is done (its second beforeBrowserInitialized, Client.js:499, comes last).
    const navigation = factory.last.navigateToLogout()
    await engine.destroy()
    const again = o.launch()
    const qr = record(again.engine)
    await again.engine.initialize()
    await writeFiles(o.profile, { [CACHE]: Buffer.from('the new Chromium writes here') })
    await navigation
    await Promise.all(syncs)
    expect(existsSync(path.join(o.profile, CACHE))).toBe(true) // the old handler left the new profile alone

    expect(events.map((e) => [e.name, e.args[0]])).toEqual([['disconnected', 'LOGOUT']])
    expect(qr.map((e) => e.name)).toEqual(['qr'])
    expect(existsSync(path.join(o.profile, INDEXED_DB))).toBe(false)
    const row = (await o.row())!
    expect(row.sessionDeadAt).not.toBeNull()
    expect(row.sessionData).not.toBeNull() // kept for the record, never unpacked
    expect(await createDatabaseArchiveStore(o.org.id).exists(o.config.sessionName)).toBe(false)
    await engine.destroy()

    // Scanning again revives the row with the new pairing's archive.
    await writeFiles(o.profile, { [INDEXED_DB]: randomBytes(1024) })
    await again.factory.last.link()
    await waitFor(async () => ((await o.row())?.sessionDeadAt === null ? true : null))
    expect(await createDatabaseArchiveStore(o.org.id).exists(o.config.sessionName)).toBe(true)
    await again.engine.destroy()
  })

  it('UNPAIRED marks the archive dead; the next start shows a QR on an empty profile', async () => {
    const o = await organization()
    const { engine, factory } = await linkedAndSaved(o)
    await factory.last.emitState('UNPAIRED')
    await engine.destroy()
    expect((await o.row())!.sessionDeadAt).not.toBeNull()

    const relaunch = o.launch()
    const events = record(relaunch.engine)
    await relaunch.engine.initialize()
    expect(events.map((e) => e.name)).toEqual(['qr'])
    expect(existsSync(path.join(o.profile, INDEXED_DB))).toBe(false)
    await relaunch.engine.destroy()
  })
})
