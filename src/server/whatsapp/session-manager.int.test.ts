/**
 * The session manager against real PostgreSQL and Redis, with the simulator engine standing in for
 * WhatsApp: connect/scan, logout, ban, restart without QR, network loss, QR expiry, leases.
 */
import { Redis } from 'ioredis'
import { afterEach, describe, expect, it } from 'vitest'
import { db } from '../db'
import { getEventBus } from '../events/event-bus'
import { createOrganization } from '../testing/factories'
import { waitFor } from '../testing/wait-for'
import { createSimulatorEngineFactory } from './engines/simulator'
import * as phone from './engines/simulator/simulator-control'
import type { SimulatorTiming } from './engines/simulator/simulator-engine'
import { createWhatsAppClientConfig } from './phone'
import { WhatsAppSessionManager } from './session-manager'

const managers: WhatsAppSessionManager[] = []
const fast: Partial<SimulatorTiming> = { startupMs: 0, ackDelaysMs: [10, 20, 30] }

function manager(timing: Partial<SimulatorTiming> = {}, extra: Partial<ConstructorParameters<typeof WhatsAppSessionManager>[0]> = {}) {
  const m = new WhatsAppSessionManager({
    engineFactory: createSimulatorEngineFactory({ ...fast, ...timing }),
    leaseTtlMs: 1000,
    tickMs: 100,
    client: { stableConnectionMs: 60_000 },
    ...extra,
  })
  managers.push(m)
  return m
}

const session = (organizationId: string) => db.whatsAppSession.findUnique({ where: { organizationId } })
const clientIdOf = (organizationId: string) => createWhatsAppClientConfig(organizationId, 'integration').clientId

async function connectAndScan(m: WhatsAppSessionManager, organizationId: string) {
  await m.connect(organizationId)
  const pending = await waitFor(async () => {
    const row = await session(organizationId)
    return row?.status === 'QR_CODE_PENDING' && row.qrCode ? row : null
  })
  await phone.scanQr(clientIdOf(organizationId), { qr: pending.qrCode!, phone: '+996 555 000 111', pushName: 'Ала-Тоо' })
  return waitFor(async () => {
    const row = await session(organizationId)
    return row?.status === 'CONNECTED' ? row : null
  })
}

afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.disconnectAll()))
})

describe('WhatsAppSessionManager with the simulator', () => {
  it('connect → QR stored → scan → CONNECTED with timestamps and the linked number', async () => {
    const org = await createOrganization()
    const m = manager()
    const before = new Date()
    const connected = await connectAndScan(m, org.id)
    expect(connected.qrCode).toBeNull()
    expect(connected.phoneNumber).toBe('+996555000111')
    expect(connected.pushName).toBe('Ала-Тоо')
    expect(connected.lastConnectedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 5)
    expect(connected.wantedConnected).toBe(true)
    // The auth state went to PostgreSQL as bytes.
    expect(connected.sessionDataSize).toBeGreaterThan(0)
    expect(Buffer.isBuffer(Buffer.from(connected.sessionData!))).toBe(true)
    expect(m.isConnected(org.id)).toBe(true)
  })

  it('rotates the QR and says when it expired', async () => {
    const org = await createOrganization()
    const m = manager({ qrRotateMs: 150, qrMaxCodes: 3 })
    const seen = new Set<string>()
    await m.connect(org.id)
    const expired = await waitFor(
      async () => {
        const row = await session(org.id)
        if (row?.qrCode) seen.add(row.qrCode)
        return row?.errorCode === 'QR_EXPIRED' ? row : null
      },
      5000,
      10,
    )
    expect(seen.size).toBe(3)
    expect(expired.status).toBe('DISCONNECTED')
    expect(expired.qrCode).toBeNull()
    expect(expired.wantedConnected).toBe(false)
    expect(m.hasLocalSession(org.id)).toBe(false)
  })

  it('a stale QR cannot be scanned', async () => {
    const org = await createOrganization()
    const m = manager()
    await m.connect(org.id)
    await waitFor(async () => (await session(org.id))?.qrCode)
    await expect(phone.scanQr(clientIdOf(org.id), { qr: '2@old,old,old,old' })).rejects.toMatchObject({ messageKey: 'simulatorQrStale' })
  })

  it('logout on the phone → DISCONNECTED, and Connect asks for a new QR', async () => {
    const org = await createOrganization()
    const m = manager()
    await connectAndScan(m, org.id)
    await phone.logoutFromPhone(clientIdOf(org.id))
    const out = await waitFor(async () => {
      const row = await session(org.id)
      return row?.errorCode === 'LOGGED_OUT' ? row : null
    })
    expect(out.status).toBe('DISCONNECTED')
    expect(out.lastDisconnectedAt).not.toBeNull()
    expect(out.wantedConnected).toBe(false)
    await m.connect(org.id)
    const again = await waitFor(async () => {
      const row = await session(org.id)
      return row?.status === 'QR_CODE_PENDING' ? row : null
    })
    expect(again.qrCode).toMatch(/^2@/)
  })

  it('ban → ERROR with BANNED, and sending is refused', async () => {
    const org = await createOrganization()
    const m = manager()
    await connectAndScan(m, org.id)
    await phone.banNumber(clientIdOf(org.id))
    const banned = await waitFor(async () => {
      const row = await session(org.id)
      return row?.errorCode === 'BANNED' ? row : null
    })
    expect(banned.status).toBe('ERROR')
    expect(banned.wantedConnected).toBe(false)
    await expect(m.sendMessage(org.id, '+996700111222', 'hello')).rejects.toMatchObject({ code: 'UNAVAILABLE' })
    // Even a fresh Connect cannot bring a banned number back.
    await m.connect(org.id)
    const still = await waitFor(async () => {
      const row = await session(org.id)
      return row?.errorCode === 'BANNED' && row.status === 'ERROR' && !m.hasLocalSession(org.id) ? row : null
    })
    expect(still.status).toBe('ERROR')
    await phone.banNumber(clientIdOf(org.id), false)
  })

  it('comes back connected after a restart without a new QR', async () => {
    const org = await createOrganization()
    const first = manager()
    await connectAndScan(first, org.id)
    await first.disconnectAll() // graceful shutdown: syncs the session, releases the lease
    const statuses: string[] = []
    const abort = new AbortController()
    const collecting = (async () => {
      for await (const e of getEventBus().subscribe(org.id, { types: ['whatsapp.status'], signal: abort.signal })) {
        statuses.push(e.event.data.status)
      }
    })()
    const second = manager()
    await second.start()
    await waitFor(() => second.isConnected(org.id))
    // The status row is written by the ready handler without blocking the client: wait for it, then look at every status seen.
    await waitFor(async () => (await session(org.id))?.status === 'CONNECTED')
    abort.abort()
    await collecting
    expect(statuses).not.toContain('QR_CODE_PENDING')
    expect((await session(org.id))?.status).toBe('CONNECTED')
  })

  it('network loss → reconnects with backoff and comes back without a QR', async () => {
    const org = await createOrganization()
    const m = manager()
    await connectAndScan(m, org.id)
    const reconnects: number[] = []
    const abort = new AbortController()
    const collecting = (async () => {
      for await (const e of getEventBus().subscribe(org.id, { types: ['whatsapp.status'], signal: abort.signal })) {
        if (e.event.data.reconnect) reconnects.push(e.event.data.reconnect.attempt)
      }
    })()
    await phone.setNetwork(clientIdOf(org.id), false)
    const dropped = await waitFor(async () => {
      const row = await session(org.id)
      return row?.errorCode === 'NETWORK' ? row : null
    })
    expect(dropped.status).toBe('CONNECTING')
    await waitFor(() => reconnects.length >= 1)
    await phone.setNetwork(clientIdOf(org.id), true)
    // First retry comes after 2 s.
    const back = await waitFor(async () => {
      const row = await session(org.id)
      return row?.status === 'CONNECTED' ? row : null
    }, 8000)
    abort.abort()
    await collecting
    expect(back.qrCode).toBeNull()
    expect(reconnects[0]).toBe(1)
  })

  it('two managers never run one organization at once; the survivor takes over', async () => {
    const org = await createOrganization()
    // Leases of 3 s: long enough that a busy machine cannot make the owner miss a renewal.
    const a = manager({}, { leaseTtlMs: 3000 })
    const b = manager({}, { leaseTtlMs: 3000 })
    await connectAndScan(a, org.id)
    await b.start()
    // b sees a wanted session but a holds the lease.
    await new Promise((r) => setTimeout(r, 500))
    expect(b.hasLocalSession(org.id)).toBe(false)
    await expect(b.connect(org.id)).rejects.toMatchObject({ messageKey: 'whatsappOwnedElsewhere' })
    // a dies without releasing anything (kill -9): its ticker stops renewing.
    ;(a as unknown as { stopped: boolean; ticker: NodeJS.Timeout | null }).stopped = true
    clearInterval((a as unknown as { ticker: NodeJS.Timeout }).ticker)
    // Let the lease expire (3 s); b restores from the stored session without a QR.
    await waitFor(() => b.isConnected(org.id), 10_000)
    expect(b.isConnected(org.id)).toBe(true)
    // a's browser is closed only now (its lease is b's, so a releases nothing).
    await a.disconnectAll()
  })

  it('refuses to connect when Redis is down, with a clear error', async () => {
    const org = await createOrganization()
    const dead = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null })
    dead.on('error', () => undefined)
    const m = manager({}, { redis: dead })
    await expect(m.connect(org.id)).rejects.toMatchObject({ code: 'UNAVAILABLE', messageKey: 'whatsappRedisDown' })
    expect(m.hasLocalSession(org.id)).toBe(false)
    dead.disconnect()
  })

  it('an admin disconnect keeps the stored session and stays stopped', async () => {
    const org = await createOrganization()
    const m = manager()
    await connectAndScan(m, org.id)
    await m.disconnect(org.id)
    const row = await session(org.id)
    expect(row?.status).toBe('DISCONNECTED')
    expect(row?.wantedConnected).toBe(false)
    expect(row?.sessionDataSize).toBeGreaterThan(0)
    expect(m.hasLocalSession(org.id)).toBe(false)
    // Connect again: restored without a QR.
    await m.connect(org.id)
    await waitFor(() => m.isConnected(org.id))
  })
})
