/**
 * The simulator has real WhatsApp's awkward behaviours (issue 9), driven the way /dev/phone and tests do:
 * system notices (ignored), a failing ack (−1), a login that never becomes ready, an idle QR.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { db } from '~/server/db'
import { acceptOutgoing } from '~/server/domain/messages/send-service'
import { createOrganization, createTenant, type Tenant } from '~/server/testing/factories'
import { clientIdOf, connectPhone, startHarness, type Harness } from '~/server/testing/pipeline-harness'
import { waitFor } from '~/server/testing/wait-for'
import { WhatsAppSessionManager } from '../../session-manager'
import { createSimulatorEngineFactory } from '.'
import * as phone from './simulator-control'

const session = (organizationId: string) => db.whatsAppSession.findUniqueOrThrow({ where: { organizationId } })
const sessionWhere = (organizationId: string, check: (row: Awaited<ReturnType<typeof session>>) => boolean, timeoutMs = 5000) =>
  waitFor(async () => {
    const row = await session(organizationId)
    return check(row) ? row : null
  }, timeoutMs)

describe('the simulator in the pipeline', () => {
  let harness: Harness
  let shop: Tenant
  beforeAll(async () => {
    harness = await startHarness()
    shop = await createTenant()
    await connectPhone(harness.manager, shop.organization.id)
  })
  afterAll(async () => {
    await harness.stop()
  })

  it('drops system notices: no client, no message', async () => {
    const org = shop.organization.id
    await phone.sendNotice(clientIdOf(org), { from: '+996700888001', kind: 'e2e_notification' })
    await phone.sendNotice(clientIdOf(org), { from: '+996700888001', kind: 'call_log' })
    await phone.sendAsCustomer(clientIdOf(org), { from: '+996700888002', body: 'после уведомлений' })
    await waitFor(() => db.client.findFirst({ where: { organizationId: org, phone: '+996700888002' } }))
    expect(await db.client.count({ where: { organizationId: org, phone: '+996700888001' } })).toBe(0)
    expect((await phone.getPhoneState(clientIdOf(org))).pendingMessages).toBe(0)
  })

  it('a failing ack (−1) makes the message FAILED with the reason', async () => {
    const org = shop.organization.id
    await phone.failNextAcks(clientIdOf(org), 1)
    const accepted = await acceptOutgoing({ organizationId: org, clientId: shop.client.id, content: 'не дойдёт', sender: 'HUMAN', senderId: shop.admin.id })
    const failed = await waitFor(async () => {
      const m = await db.message.findUniqueOrThrow({ where: { id: accepted.id } })
      return m.status === 'FAILED' ? m : null
    }, 15_000)
    expect(failed.error).toMatch(/ack -1/)
  }, 20_000)
})

describe('the simulator under the session manager', () => {
  const managers: WhatsAppSessionManager[] = []
  afterEach(async () => {
    await Promise.all(managers.splice(0).map((m) => m.disconnectAll()))
  })
  function manager() {
    const m = new WhatsAppSessionManager({
      engineFactory: createSimulatorEngineFactory({ startupMs: 0, ackDelaysMs: [10, 20, 30] }),
      leaseTtlMs: 3000,
      tickMs: 60_000,
      client: { loginStallMs: 300 },
    })
    managers.push(m)
    return m
  }

  it('a login that never becomes ready stalls twice, stops with LOGIN_STALLED, and recovers on reconnect', async () => {
    const org = (await createOrganization()).id
    const m = manager()
    await phone.stallNextLogins(clientIdOf(org), 2)
    await m.connect(org)
    await sessionWhere(org, (row) => row.status === 'QR_CODE_PENDING' && Boolean(row.qrCode))
    await phone.scanQr(clientIdOf(org))
    await sessionWhere(org, (row) => row.linkedAt !== null && row.qrCode === null)
    await sessionWhere(org, (row) => row.errorCode === 'LOGIN_STALLED' && row.status === 'CONNECTING')
    // The stored session restores after the backoff, links and stalls again: stop.
    const stopped = await sessionWhere(org, (row) => row.status === 'ERROR', 8000)
    expect(stopped).toMatchObject({ errorCode: 'LOGIN_STALLED', wantedConnected: false })
    await m.connect(org)
    await sessionWhere(org, (row) => row.status === 'CONNECTED')
  }, 20_000)

  it('an idle QR expires on demand: QR_EXPIRED', async () => {
    const org = (await createOrganization()).id
    const m = manager()
    await m.connect(org)
    await sessionWhere(org, (row) => row.status === 'QR_CODE_PENDING' && Boolean(row.qrCode))
    await phone.expireQr(clientIdOf(org))
    const expired = await sessionWhere(org, (row) => row.errorCode === 'QR_EXPIRED')
    expect(expired).toMatchObject({ status: 'DISCONNECTED', qrCode: null })
  })
})
