/**
 * DatabaseAuth/DatabaseStore against the real test database, with real RemoteAuth code zipping and
 * unzipping a small fake Chromium profile (no browser needed).
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { db } from '~/server/db'
import { createWhatsAppClientConfig, type WhatsAppClientConfig } from '../../phone'
import { createDatabaseArchiveStore } from '../../session-store'
import { DatabaseAuth } from './database-auth'

let baseDir: string

beforeAll(async () => {
  baseDir = await mkdtemp(path.join(os.tmpdir(), 'soul-webjs-auth-'))
})

afterAll(async () => {
  await rm(baseDir, { recursive: true, force: true })
})

interface Harness {
  organizationId: string
  config: WhatsAppClientConfig
  auth: DatabaseAuth
  client: { options: { puppeteer: Record<string, unknown> }; emit: ReturnType<typeof vi.fn>; pupBrowser: null }
  logLines: Array<Record<string, unknown>>
}

/** An organization, its archive store and a DatabaseAuth wired to a fake client, as the engine does. */
async function harness(options: { initialSyncDelayMs?: number } = {}): Promise<Harness> {
  const org = await db.organization.create({ data: { name: `webjs-auth ${randomBytes(3).toString('hex')}` } })
  const config = createWhatsAppClientConfig(org.id, 'integration', baseDir)
  const logLines: Array<Record<string, unknown>> = []
  const log = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(JSON.parse(line)) }).child({ organizationId: org.id })
  const auth = new DatabaseAuth({
    organizationId: org.id,
    clientId: config.clientId,
    dataPath: config.dataPath,
    store: createDatabaseArchiveStore(org.id),
    initialSyncDelayMs: options.initialSyncDelayMs,
    logger: log,
  })
  const client = { options: { puppeteer: {} }, emit: vi.fn(), pupBrowser: null }
  auth.setup(client)
  return { organizationId: org.id, config, auth, client, logLines }
}

/** The files RemoteAuth keeps (IndexedDB, Local Storage) plus one it must leave out (Cache). */
const PROFILE_FILES = {
  'Default/IndexedDB/https_web.whatsapp.com_0.indexeddb.leveldb/000003.log': randomBytes(4096),
  'Default/IndexedDB/https_web.whatsapp.com_0.indexeddb.leveldb/CURRENT': Buffer.from('MANIFEST-000001\n'),
  'Default/Local Storage/leveldb/000003.log': randomBytes(1024),
  'Default/Cache/Cache_Data/index': randomBytes(2048),
}

async function writeProfile(userDataDir: string) {
  for (const [relative, content] of Object.entries(PROFILE_FILES)) {
    const file = path.join(userDataDir, relative)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, content)
  }
}

async function storedRow(organizationId: string) {
  return db.whatsAppSession.findUnique({ where: { organizationId } })
}

/** Starts the strategy as the client would and returns the profile folder it prepared. */
async function startProfile(h: Harness): Promise<string> {
  await h.auth.beforeBrowserInitialized()
  const userDataDir = h.auth.userDataDir!
  expect(userDataDir).toBe(path.join(h.config.dataPath, h.config.sessionName))
  expect(h.client.options.puppeteer.userDataDir).toBe(userDataDir)
  return userDataDir
}

describe('DatabaseStore', () => {
  it('stores the zip RemoteAuth wrote as raw bytes and records its size', async () => {
    const h = await harness()
    await writeProfile(await startProfile(h))

    const zipPath = await h.auth.compressSession()
    expect(zipPath).toBe(path.join(h.config.dataPath, `${h.config.sessionName}.zip`))
    const zip = await readFile(zipPath)

    expect(await h.auth.databaseStore.save({ session: h.config.sessionName })).toBe(true)
    const row = await storedRow(h.organizationId)
    expect(Buffer.from(row!.sessionData!).equals(zip)).toBe(true)
    expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004') // a zip, not base64
    expect(row!.sessionDataSize).toBe(zip.length)
    expect(row!.sessionDataHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('writes nothing when the same archive is saved again', async () => {
    const h = await harness()
    await writeProfile(await startProfile(h))
    await h.auth.compressSession()
    expect(await h.auth.databaseStore.save({ session: h.config.sessionName })).toBe(true)
    const first = await storedRow(h.organizationId)

    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(await h.auth.databaseStore.save({ session: h.config.sessionName })).toBe(false)
    const second = await storedRow(h.organizationId)
    expect(second!.sessionSavedAt).toEqual(first!.sessionSavedAt)
    expect(second!.updatedAt).toEqual(first!.updatedAt)
  })

  it('extracts identical bytes, and RemoteAuth restores the profile from them', async () => {
    const h = await harness()
    await writeProfile(await startProfile(h))
    const zip = await readFile(await h.auth.compressSession())
    await h.auth.databaseStore.save({ session: h.config.sessionName })

    const target = path.join(baseDir, 'extracted', `${h.config.sessionName}.zip`)
    await h.auth.databaseStore.extract({ session: h.config.sessionName, path: target })
    expect((await readFile(target)).equals(zip)).toBe(true)

    // A new process: a fresh strategy, a stale local folder that must be replaced by the archive.
    const userDataDir = h.auth.userDataDir!
    await rm(userDataDir, { recursive: true })
    await mkdir(path.join(userDataDir, 'Default'), { recursive: true })
    await writeFile(path.join(userDataDir, 'Default', 'stale'), 'x')
    const again = new DatabaseAuth({
      organizationId: h.organizationId,
      clientId: h.config.clientId,
      dataPath: h.config.dataPath,
      store: createDatabaseArchiveStore(h.organizationId),
    })
    again.setup({ options: { puppeteer: {} }, emit: () => true, pupBrowser: null })
    await again.beforeBrowserInitialized()

    for (const [relative, content] of Object.entries(PROFILE_FILES)) {
      const file = path.join(userDataDir, relative)
      if (relative.includes('/Cache/')) expect(existsSync(file)).toBe(false)
      else expect((await readFile(file)).equals(content)).toBe(true)
    }
    expect(existsSync(path.join(userDataDir, 'Default', 'stale'))).toBe(false)
    expect(existsSync(path.join(h.config.dataPath, `${h.config.sessionName}.zip`))).toBe(false)
  })

  it('answers sessionExists per organization', async () => {
    const h = await harness()
    const other = await harness()
    await writeProfile(await startProfile(h))
    await h.auth.compressSession()
    expect(await h.auth.databaseStore.sessionExists({ session: h.config.sessionName })).toBe(false)
    await h.auth.databaseStore.save({ session: h.config.sessionName })
    expect(await h.auth.databaseStore.sessionExists({ session: h.config.sessionName })).toBe(true)
    expect(await other.auth.databaseStore.sessionExists({ session: other.config.sessionName })).toBe(false)
  })
})

describe('DatabaseAuth deletion safety', () => {
  async function storedHarness() {
    const h = await harness()
    const userDataDir = await startProfile(h)
    await writeProfile(userDataDir)
    await h.auth.compressSession()
    await h.auth.databaseStore.save({ session: h.config.sessionName })
    return { h, userDataDir }
  }

  it('keeps the stored archive on the library paths (store.delete, disconnect, logout) and logs the refusal', async () => {
    const { h, userDataDir } = await storedHarness()
    const before = await storedRow(h.organizationId)

    await h.auth.databaseStore.delete({ session: h.config.sessionName })
    await h.auth.deleteRemoteSession()
    h.auth.noteState('TOS_BLOCK') // a terminal state: the library calls disconnect() right after (Client.js:822, 851)
    await h.auth.disconnect()
    expect(existsSync(userDataDir)).toBe(false) // the local profile is cleared…
    await writeProfile(userDataDir)
    await h.auth.logout()
    expect(existsSync(userDataDir)).toBe(false)

    const after = await storedRow(h.organizationId) // …the archive is not (logout only marks it dead)
    expect(Buffer.from(after!.sessionData!).equals(Buffer.from(before!.sessionData!))).toBe(true)
    expect(after!.sessionDataSize).toBe(before!.sessionDataSize)
    expect(after!.sessionDeadAt).not.toBeNull()

    const refusals = h.logLines.filter((line) => String(line.msg).includes('refused'))
    expect(refusals.map((line) => line.path)).toEqual(['store.delete', 'deleteRemoteSession', 'disconnect', 'logout'])
    for (const line of refusals) expect(line.organizationId).toBe(h.organizationId)
  })

  it('deletes the archive only through forgetStoredSession()', async () => {
    const { h, userDataDir } = await storedHarness()
    await h.auth.forgetStoredSession()
    const row = await storedRow(h.organizationId)
    expect(row!.sessionData).toBeNull()
    expect(row!.sessionDataSize).toBeNull()
    expect(await h.auth.databaseStore.sessionExists({ session: h.config.sessionName })).toBe(false)
    expect(existsSync(userDataDir)).toBe(false)
  })

  it('starts on an empty profile and keeps the archive when the stored archive is corrupt', async () => {
    const h = await harness()
    await createDatabaseArchiveStore(h.organizationId).save(h.config.sessionName, Buffer.from('not a zip at all'))
    const userDataDir = await startProfile(h)
    expect(await readdir(userDataDir)).toEqual([])
    expect(Buffer.from((await storedRow(h.organizationId))!.sessionData!).toString()).toBe('not a zip at all')
  })
})

describe('DatabaseAuth backups', () => {
  it('saves after ready, skips an unchanged profile, and syncNow stores changes', async () => {
    const h = await harness({ initialSyncDelayMs: 0 })
    const userDataDir = await startProfile(h)
    await writeProfile(userDataDir)
    expect(await h.auth.syncNow()).toBe(false) // not authenticated yet: nothing worth storing

    await h.auth.afterAuthReady()
    await vi.waitFor(async () => expect((await storedRow(h.organizationId))?.sessionDataSize).toBeGreaterThan(0), { timeout: 5000 })
    await vi.waitFor(() => expect(h.client.emit).toHaveBeenCalledWith('remote_session_saved'))
    const first = await storedRow(h.organizationId)

    // Same content with newer file times (Chromium touches files): the zip is byte-identical and the
    // store skips the write.
    const later = new Date(Date.now() + 60_000)
    for (const relative of Object.keys(PROFILE_FILES)) await utimes(path.join(userDataDir, relative), later, later)
    expect(await h.auth.syncNow()).toBe(true)
    expect((await storedRow(h.organizationId))!.sessionSavedAt).toEqual(first!.sessionSavedAt)

    await writeFile(path.join(userDataDir, 'Default/Local Storage/leveldb/000003.log'), randomBytes(1024))
    expect(await h.auth.syncNow()).toBe(true)
    const second = await storedRow(h.organizationId)
    expect(second!.sessionDataHash).not.toBe(first!.sessionDataHash)
    expect(second!.sessionSavedAt!.getTime()).toBeGreaterThan(first!.sessionSavedAt!.getTime())

    // RemoteAuth removes its temp folder and zip after each save.
    expect(existsSync(path.join(h.config.dataPath, `${h.config.sessionName}.zip`))).toBe(false)
    expect(existsSync(h.auth.tempDir)).toBe(false)

    await h.auth.destroy()
    expect(await h.auth.syncNow()).toBe(false)
  })

  it('runs concurrent saves one at a time', async () => {
    const h = await harness({ initialSyncDelayMs: 60_000 })
    await writeProfile(await startProfile(h))
    await h.auth.afterAuthReady()
    const results = await Promise.allSettled([h.auth.syncNow(), h.auth.syncNow(), h.auth.syncNow()])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled'])
    expect((await storedRow(h.organizationId))?.sessionDataSize).toBeGreaterThan(0)
    await h.auth.destroy()
  })
})

describe('DatabaseAuth and the stored size', () => {
  it('records the size on each save and warns past WHATSAPP_SESSION_SIZE_WARN_MB; the status view carries it', async () => {
    const { resetEnvForTests } = await import('~/server/env')
    const { readStatusView } = await import('../../session-status')
    const previous = process.env.WHATSAPP_SESSION_SIZE_WARN_MB
    process.env.WHATSAPP_SESSION_SIZE_WARN_MB = '1'
    resetEnvForTests()
    try {
      const h = await harness()
      const store = createDatabaseArchiveStore(h.organizationId)
      await store.save(h.config.sessionName, randomBytes(512 * 1024))
      expect((await storedRow(h.organizationId))!.sessionDataSize).toBe(512 * 1024)
      expect((await readStatusView(h.organizationId)).storedProfile).toEqual({ sizeBytes: 512 * 1024, limitBytes: 1024 * 1024, oversized: false })

      await store.save(h.config.sessionName, randomBytes(1024 * 1024 + 1))
      expect((await storedRow(h.organizationId))!.sessionDataSize).toBe(1024 * 1024 + 1)
      expect((await readStatusView(h.organizationId)).storedProfile).toMatchObject({ sizeBytes: 1024 * 1024 + 1, oversized: true })
    } finally {
      if (previous === undefined) delete process.env.WHATSAPP_SESSION_SIZE_WARN_MB
      else process.env.WHATSAPP_SESSION_SIZE_WARN_MB = previous
      resetEnvForTests()
    }
  })
})
