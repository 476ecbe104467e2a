/** The whatsapp router: roles, live status over the subscription, resuming by last event id. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTenant, type Tenant } from '../../../testing/factories'
import { waitFor } from '../../../testing/wait-for'
import { registerSessionManager } from '../../../services'
import { createSimulatorEngineFactory } from '../../../whatsapp/engines/simulator'
import { WhatsAppSessionManager } from '../../../whatsapp/session-manager'
import { setSessionStatus } from '../../../whatsapp/session-status'
import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import { createWhatsAppClientConfig } from '../../../whatsapp/phone'

type Tracked<T> = [id: string, data: T, symbol?: unknown]

let tenant: Tenant
let manager: WhatsAppSessionManager

beforeAll(async () => {
  tenant = await createTenant()
  manager = new WhatsAppSessionManager({ engineFactory: createSimulatorEngineFactory({ startupMs: 0 }), leaseTtlMs: 2000, tickMs: 200 })
  registerSessionManager(manager)
})

afterAll(async () => {
  await manager.disconnectAll()
  registerSessionManager(undefined)
})

describe('whatsapp router', () => {
  it('operators see the status but may not connect or disconnect', async () => {
    const status = await tenant.asOperator().whatsapp.status()
    expect(status.status).toBe('DISCONNECTED')
    await expect(tenant.asOperator().whatsapp.connect()).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(tenant.asOperator().whatsapp.disconnect()).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('streams the status live: snapshot first, then each change, the QR to admins only', async () => {
    const iterable = (await tenant.asAdmin().whatsapp.onStatus()) as AsyncIterable<Tracked<{ status: string; qrCode: string | null }>>
    const iterator = iterable[Symbol.asyncIterator]()
    const operatorIterable = (await tenant.asOperator().whatsapp.onStatus()) as AsyncIterable<Tracked<{ status: string; qrCode: string | null }>>
    const operatorIterator = operatorIterable[Symbol.asyncIterator]()
    const first = await iterator.next()
    expect(first.value![1].status).toBe('DISCONNECTED')
    expect((await operatorIterator.next()).value![1].status).toBe('DISCONNECTED')

    await tenant.asAdmin().whatsapp.connect()
    const seen: string[] = []
    let qr: string | null = null
    while (!qr) {
      const next = await iterator.next()
      seen.push(next.value![1].status)
      qr = next.value![1].qrCode
    }
    expect(seen).toContain('QR_CODE_PENDING')
    expect((await tenant.asAdmin().whatsapp.qr()).qrCode).toBe(qr)
    // The operator follows the same changes without the QR.
    for (;;) {
      const next = await operatorIterator.next()
      expect(next.value![1].qrCode).toBeNull()
      if (next.value![1].status === 'QR_CODE_PENDING') break
    }
    expect((await tenant.asOperator().whatsapp.qr()).qrCode).toBeNull()
    expect((await tenant.asOperator().whatsapp.status()).qrCode).toBeNull()
    await operatorIterator.return?.()

    await phone.scanQr(createWhatsAppClientConfig(tenant.organization.id, 'integration').clientId, { qr })
    for (;;) {
      const next = await iterator.next()
      if (next.value![1].status === 'CONNECTED') break
    }
    await iterator.return?.()
    expect((await tenant.asAdmin().whatsapp.qr()).qrCode).toBeNull()
  })

  it('a reconnecting browser resumes after its last event id without missing anything', async () => {
    const iterable = (await tenant.asAdmin().whatsapp.onStatus()) as AsyncIterable<Tracked<{ errorMessage: string | null }>>
    const iterator = iterable[Symbol.asyncIterator]()
    const snapshot = await iterator.next()
    const lastSeen = snapshot.value![0]
    await iterator.return?.()

    // While the browser is away, two changes happen.
    await setSessionStatus(tenant.organization.id, { errorMessage: 'missed one' })
    await setSessionStatus(tenant.organization.id, { errorMessage: 'missed two' })

    const resumed = (await tenant.asAdmin().whatsapp.onStatus({ lastEventId: lastSeen })) as AsyncIterable<Tracked<{ errorMessage: string | null }>>
    const again = resumed[Symbol.asyncIterator]()
    const a = await again.next()
    const b = await again.next()
    await again.return?.()
    expect([a.value![1].errorMessage, b.value![1].errorMessage]).toEqual(['missed one', 'missed two'])
    expect(a.value![0] > lastSeen).toBe(true)
  })

  it('admin disconnect turns the status DISCONNECTED', async () => {
    const result = await tenant.asAdmin().whatsapp.disconnect()
    expect(result.status).toBe('DISCONNECTED')
    await waitFor(() => !manager.hasLocalSession(tenant.organization.id))
  })

  it('inconsistent settings are bad input with field errors, and nothing is saved', async () => {
    const error = await tenant
      .asAdmin()
      .whatsapp.settings.update({ rateLimiting: { messagesPerMinute: 20, messagesPerHour: 10 } })
      .catch((e) => e)
    expect(error.code).toBe('BAD_REQUEST')
    expect(error.cause.issues[0]).toMatchObject({ path: ['rateLimiting', 'messagesPerHour'], message: 'validation.hourBelowMinute' })
    expect((await tenant.asOperator().whatsapp.settings.get()).settings.rateLimiting.messagesPerMinute).toBe(10)
    await expect(tenant.asAdmin().whatsapp.settings.update({ rateLimiting: { messagesPerMinute: 25 } })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })

  it('rejects a malformed lastEventId', async () => {
    await expect(tenant.asAdmin().whatsapp.onStatus({ lastEventId: 'drop table' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })
})
