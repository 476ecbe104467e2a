/**
 * The history-import session under the session manager (issue 9, point 10), against real PostgreSQL and
 * Redis with the simulator engine: its own `import-<org>` lease (a second process cannot run the same
 * organization's import), and shutdown stops it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { getRedis, redisKey } from '../redis'
import { createOrganization } from '../testing/factories'
import { waitFor } from '../testing/wait-for'
import { createSimulatorEngineFactory } from './engines/simulator'
import * as phone from './engines/simulator/simulator-control'
import { createWhatsAppClientConfig } from './phone'
import { importLeaseKey, WhatsAppSessionManager } from './session-manager'

const managers: WhatsAppSessionManager[] = []
function manager() {
  const m = new WhatsAppSessionManager({
    engineFactory: createSimulatorEngineFactory({ startupMs: 0 }),
    leaseTtlMs: 1000,
    tickMs: 100,
  })
  managers.push(m)
  return m
}
const leaseOwner = (organizationId: string) => getRedis().get(redisKey('wa', 'lease', importLeaseKey(organizationId)))
const importClientId = (organizationId: string) => createWhatsAppClientConfig(organizationId, 'import').clientId

afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.disconnectAll()))
})

describe('import session lease', () => {
  it('a second manager cannot open the same organization import while the first holds it; it can after close', async () => {
    const org = await createOrganization()
    const first = manager()
    const second = manager()
    await first.start()
    await second.start()
    const session = await first.openImportSession(org.id, 'job-1', { onQr: () => undefined })
    expect(await leaseOwner(org.id)).toBe(first.instanceId)
    expect(await second.importRunsElsewhere(org.id)).toBe(true)
    expect(await first.importRunsElsewhere(org.id)).toBe(false)

    await expect(second.openImportSession(org.id, 'job-2', { onQr: () => undefined })).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'importAlreadyRunning',
    })
    // Nor a second import of the same organization in the same process.
    await expect(first.openImportSession(org.id, 'job-3', { onQr: () => undefined })).rejects.toMatchObject({ code: 'CONFLICT' })
    // The lease is renewed while the import runs (ttl 1 s).
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(await leaseOwner(org.id)).toBe(first.instanceId)

    await session.close()
    await waitFor(async () => ((await leaseOwner(org.id)) === null ? true : null))
    const taken = await second.openImportSession(org.id, 'job-4', { onQr: () => undefined })
    expect(await leaseOwner(org.id)).toBe(second.instanceId)
    await taken.close()
  })

  it('the import lease is apart from the live session: both run for one organization', async () => {
    const org = await createOrganization()
    const m = manager()
    await m.start()
    await m.connect(org.id)
    const session = await m.openImportSession(org.id, 'job-live', { onQr: () => undefined })
    expect(m.hasLocalSession(org.id)).toBe(true)
    expect(await leaseOwner(org.id)).toBe(m.instanceId)
    await session.close()
  })
})

describe('import session on shutdown', () => {
  it('disconnectAll lets the import stop, closes its session (no QR left) and releases the lease', async () => {
    const org = await createOrganization()
    const m = manager()
    await m.start()
    const qrs: string[] = []
    const onShutdown = vi.fn(async () => undefined)
    await m.openImportSession(org.id, 'job-shutdown', { onQr: (qr) => void qrs.push(qr), onShutdown })
    await waitFor(() => (qrs.length ? true : null))
    expect((await phone.getPhoneState(importClientId(org.id))).qrAvailable).toBe(true)

    await m.disconnectAll()
    expect(onShutdown).toHaveBeenCalledTimes(1)
    expect((await phone.getPhoneState(importClientId(org.id))).qrAvailable).toBe(false)
    await waitFor(async () => ((await leaseOwner(org.id)) === null ? true : null))
    await expect(m.openImportSession(org.id, 'job-after', { onQr: () => undefined })).rejects.toMatchObject({ code: 'UNAVAILABLE' })
  })
})
