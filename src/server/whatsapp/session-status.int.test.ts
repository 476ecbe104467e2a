/**
 * Status that tells the truth (issue 10, point 3): a clean shutdown says SERVER_STOPPED and the next
 * server restores without a QR; a crashed owner (no shutdown hook) reads as not running within the
 * lease TTL; a successor's status wins over the stopping process's.
 */
import { Redis } from 'ioredis'
import { afterEach, describe, expect, it } from 'vitest'
import { db } from '../db'
import { getEventBus } from '../events/event-bus'
import { createOrganization } from '../testing/factories'
import { waitFor } from '../testing/wait-for'
import { createSimulatorEngineFactory } from './engines/simulator'
import * as phone from './engines/simulator/simulator-control'
import { createWhatsAppClientConfig } from './phone'
import { WhatsAppSessionManager } from './session-manager'
import { readStatusView } from './session-status'

const managers: WhatsAppSessionManager[] = []

function manager(leaseTtlMs = 1000) {
  const m = new WhatsAppSessionManager({
    engineFactory: createSimulatorEngineFactory({ startupMs: 0, ackDelaysMs: [10, 20, 30] }),
    leaseTtlMs,
    tickMs: 100,
    client: { stableConnectionMs: 60_000 },
  })
  managers.push(m)
  return m
}

/** kill -9 as far as the lease is concerned: the ticker stops renewing, no shutdown hook runs. */
function crash(m: WhatsAppSessionManager) {
  const internals = m as unknown as { stopped: boolean; ticker: NodeJS.Timeout | null }
  internals.stopped = true
  if (internals.ticker) clearInterval(internals.ticker)
  internals.ticker = null
}

const session = (organizationId: string) => db.whatsAppSession.findUnique({ where: { organizationId } })
const clientIdOf = (organizationId: string) => createWhatsAppClientConfig(organizationId, 'integration').clientId

async function connectAndScan(m: WhatsAppSessionManager, organizationId: string) {
  await m.connect(organizationId)
  const pending = await waitFor(async () => {
    const row = await session(organizationId)
    return row?.status === 'QR_CODE_PENDING' && row.qrCode ? row : null
  })
  await phone.scanQr(clientIdOf(organizationId), { qr: pending.qrCode!, phone: '+996 555 000 222' })
  await waitFor(async () => (await session(organizationId))?.status === 'CONNECTED')
}

afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.disconnectAll()))
})

describe('WhatsApp status after the server stops', () => {
  it('a clean shutdown reads DISCONNECTED with SERVER_STOPPED, keeps wantedConnected, and the next server restores without a QR', async () => {
    const org = await createOrganization()
    const first = manager()
    await connectAndScan(first, org.id)
    expect((await readStatusView(org.id)).status).toBe('CONNECTED')
    await first.disconnectAll()
    const stopped = await session(org.id)
    expect(stopped).toMatchObject({ status: 'DISCONNECTED', errorCode: 'SERVER_STOPPED', wantedConnected: true, qrCode: null })
    expect(stopped?.lastDisconnectedAt).not.toBeNull()
    expect(await readStatusView(org.id)).toMatchObject({ status: 'DISCONNECTED', errorCode: 'SERVER_STOPPED' })

    const statuses: string[] = []
    const abort = new AbortController()
    const collecting = (async () => {
      for await (const e of getEventBus().subscribe(org.id, { types: ['whatsapp.status'], signal: abort.signal })) statuses.push(e.event.data.status)
    })()
    const second = manager()
    await second.start()
    await waitFor(async () => (await session(org.id))?.status === 'CONNECTED')
    abort.abort()
    await collecting
    expect(statuses).not.toContain('QR_CODE_PENDING')
    expect(await readStatusView(org.id)).toMatchObject({ status: 'CONNECTED', errorCode: null })
  })

  it('a crashed owner (no shutdown hook) reads as not running within the lease TTL, while the row still says CONNECTED', async () => {
    const org = await createOrganization()
    const m = manager(1000)
    await connectAndScan(m, org.id)
    expect((await readStatusView(org.id)).status).toBe('CONNECTED')
    crash(m)
    const started = Date.now()
    const view = await waitFor(
      async () => {
        const v = await readStatusView(org.id)
        return v.errorCode === 'SERVER_NOT_RUNNING' ? v : null
      },
      5000,
      50,
    )
    // The TTL is 1 s, and the last renewal was at most one tick (100 ms) before the crash.
    expect(Date.now() - started).toBeLessThan(1000 + 500)
    expect(view).toMatchObject({ status: 'DISCONNECTED', qrCode: null, reconnect: null })
    // Nothing wrote it: the reader told the truth from the lease.
    expect((await session(org.id))?.status).toBe('CONNECTED')
  })

  it('a successor that took over keeps its status when the old process shuts down later', async () => {
    const org = await createOrganization()
    const a = manager(1000)
    const b = manager(1000)
    await connectAndScan(a, org.id)
    crash(a)
    await b.start()
    await waitFor(() => b.isConnected(org.id), 10_000)
    await waitFor(async () => (await session(org.id))?.status === 'CONNECTED')
    await a.disconnectAll()
    expect(await session(org.id)).toMatchObject({ status: 'CONNECTED', errorCode: null })
    expect((await readStatusView(org.id)).status).toBe('CONNECTED')
  })

  it('with Redis unreachable the reader shows the row as stored, quickly', async () => {
    const org = await createOrganization()
    await db.whatsAppSession.create({ data: { organizationId: org.id, status: 'CONNECTED', wantedConnected: true } })
    const dead = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null })
    dead.on('error', () => undefined)
    const started = Date.now()
    expect((await readStatusView(org.id, { redis: dead })).status).toBe('CONNECTED')
    expect(Date.now() - started).toBeLessThan(1500)
    dead.disconnect()
    // And with Redis up but no lease: not running.
    expect(await readStatusView(org.id)).toMatchObject({ status: 'DISCONNECTED', errorCode: 'SERVER_NOT_RUNNING' })
  })
})
