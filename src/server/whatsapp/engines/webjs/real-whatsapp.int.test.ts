/**
 * Issue 9 scenarios on the real stack: WebjsEngine over the library-shaped fake client (whatsapp-web.js
 * 1.34.7's events and shapes), under the real WhatsAppClient, session manager and messaging pipeline,
 * with PostgreSQL and Redis.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { db } from '~/server/db'
import { acceptOutgoing, retryMessage } from '~/server/domain/messages/send-service'
import { createOrganization, createTenant, type Tenant } from '~/server/testing/factories'
import { startHarness, type Harness } from '~/server/testing/pipeline-harness'
import { waitFor } from '~/server/testing/wait-for'
import type { EngineFactory } from '../../engine/types'
import { WhatsAppSessionManager } from '../../session-manager'
import { createWebjsEngineFactory, type WebjsEngineSettings } from '.'
import { FakeWebjsClientFactory, type FakeWebjsClient } from './testing/fake-webjs-client'

function webjsOverFake(setup?: (client: FakeWebjsClient, index: number) => void, settings: Partial<WebjsEngineSettings> = {}) {
  const fakes = new FakeWebjsClientFactory(setup)
  const engineFactory: EngineFactory = createWebjsEngineFactory({
    chromiumPath: '/nonexistent/chromium',
    authMode: 'local',
    clientFactory: fakes.create,
    ...settings,
  })
  return { fakes, engineFactory }
}

const session = (organizationId: string) => db.whatsAppSession.findUniqueOrThrow({ where: { organizationId } })
const sessionWhere = (organizationId: string, check: (row: Awaited<ReturnType<typeof session>>) => boolean, timeoutMs = 5000) =>
  waitFor(async () => {
    const row = await session(organizationId)
    return check(row) ? row : null
  }, timeoutMs)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the pipeline over the real engine and the fake client', () => {
  let harness: Harness
  let shop: Tenant
  let fake: FakeWebjsClient

  beforeAll(async () => {
    const { fakes, engineFactory } = webjsOverFake((client) => client.setSession('restored'))
    harness = await startHarness({ engineFactory })
    shop = await createTenant()
    await harness.manager.connect(shop.organization.id)
    await waitFor(() => harness.manager.isConnected(shop.organization.id))
    fake = fakes.last
  })

  afterAll(async () => {
    await harness.stop()
  })

  it('system notices, unknown types, empty and malformed payloads create nothing; customer messages do (point 2)', async () => {
    const org = shop.organization.id
    const noticeSender = '996700999001@c.us'
    for (const type of ['e2e_notification', 'notification_template', 'call_log', 'protocol', 'gp2', 'revoked', 'something_new']) {
      fake.emitIncoming({ from: noticeSender, type, body: `${type} text` })
    }
    fake.emitIncoming({ from: noticeSender, body: '' })
    fake.emitIncoming({ from: noticeSender, body: 'flagged', isNotification: true })
    fake.emitRawIncoming({ from: noticeSender, body: 'no id', type: 'chat' })
    fake.emitRawIncoming({
      id: { fromMe: false, remote: noticeSender, id: 'N1', _serialized: `false_${noticeSender}_N1` },
      from: noticeSender,
      body: null,
      type: 'chat',
    })
    fake.emitRawIncoming(undefined)

    const customer = '996700999002@c.us'
    fake.emitIncoming({ from: customer, body: 'Салам', notifyName: 'Айбек' })
    fake.emitIncoming({ from: customer, type: 'ptt', body: '', hasMedia: true })
    fake.emitIncoming({ from: customer, type: 'vcard', body: 'BEGIN:VCARD\nFN:Бакыт\nEND:VCARD' })
    const client = await waitFor(() => db.client.findFirst({ where: { organizationId: org, whatsappId: customer } }))
    await waitFor(async () => (await db.message.count({ where: { organizationId: org, conversation: { clientId: client.id } } })) === 3)
    const contents = (await db.message.findMany({ where: { organizationId: org, conversation: { clientId: client.id } }, orderBy: { createdAt: 'asc' } })).map(
      (m) => m.content,
    )
    expect(contents).toContain('Салам')
    expect(contents.some((c) => c.startsWith('[Media: voice]'))).toBe(true)
    await sleep(300)
    expect(await db.client.count({ where: { organizationId: org, whatsappId: noticeSender } })).toBe(0)
    expect(await db.incomingInbox.count({ where: { organizationId: org, payload: { path: ['from'], equals: noticeSender } } })).toBe(0)
  })

  it('a send stays PENDING at ack 0, becomes SENT at ack 1, never moves back, and is not sent twice (point 5)', async () => {
    const org = shop.organization.id
    const before = fake.sent.length
    const accepted = await acceptOutgoing({
      organizationId: org,
      clientId: shop.client.id,
      content: 'Ваш заказ готов',
      sender: 'HUMAN',
      senderId: shop.admin.id,
    })
    await waitFor(() => fake.sent.length === before + 1)
    const sent = fake.lastSent()!
    expect(sent.options).toMatchObject({ sendSeen: false })
    const handedOver = await waitFor(async () => {
      const m = await db.message.findUniqueOrThrow({ where: { id: accepted.id } })
      return m.whatsappMessageId ? m : null
    })
    expect(handedOver).toMatchObject({ status: 'PENDING', whatsappMessageId: sent.message.id._serialized })
    // The outbox relay runs every 500 ms: a PENDING message with a WhatsApp id is never queued again.
    await sleep(800)
    expect(fake.sent.length).toBe(before + 1)
    fake.emitAck(sent.message, 1)
    await waitFor(async () => (await db.message.findUniqueOrThrow({ where: { id: accepted.id } })).status === 'SENT')
    fake.emitAck(sent.message, 3)
    await waitFor(async () => (await db.message.findUniqueOrThrow({ where: { id: accepted.id } })).status === 'READ')
    fake.emitAck(sent.message, 2)
    await sleep(200)
    expect((await db.message.findUniqueOrThrow({ where: { id: accepted.id } })).status).toBe('READ')
  })

  it('ack -1 fails the message with a reason, and Retry sends it again (point 5)', async () => {
    const org = shop.organization.id
    const before = fake.sent.length
    const accepted = await acceptOutgoing({ organizationId: org, clientId: shop.client.id, content: 'Не дойдёт', sender: 'HUMAN', senderId: shop.admin.id })
    await waitFor(() => fake.sent.length === before + 1, 20_000)
    const first = fake.lastSent()!
    await waitFor(async () => (await db.message.findUniqueOrThrow({ where: { id: accepted.id } })).whatsappMessageId)
    fake.emitAck(first.message, -1)
    const failed = await waitFor(async () => {
      const m = await db.message.findUniqueOrThrow({ where: { id: accepted.id } })
      return m.status === 'FAILED' ? m : null
    })
    expect(failed.error).toMatch(/ack -1/)
    await retryMessage(org, accepted.id)
    // Per-organization pacing spaces sends out by seconds.
    await waitFor(() => fake.sent.length === before + 2, 20_000)
    const second = fake.lastSent()!
    expect(second.message.id._serialized).not.toBe(first.message.id._serialized)
    fake.emitAck(second.message, 1)
    await waitFor(async () => (await db.message.findUniqueOrThrow({ where: { id: accepted.id } })).status === 'SENT')
  }, 40_000)

  it('acks of incoming messages (our own read receipts) change nothing (point 5)', async () => {
    const org = shop.organization.id
    const incoming = fake.emitIncoming({ from: '996700999003@c.us', body: 'Есть доставка?' })
    const stored = await waitFor(() => db.message.findFirst({ where: { organizationId: org, whatsappMessageId: incoming.id._serialized } }))
    const statusBefore = stored.status
    fake.emitAck(incoming, 3)
    await sleep(300)
    const after = await db.message.findUniqueOrThrow({ where: { id: stored.id } })
    expect(after.status).toBe(statusBefore)
    expect(after.readAt).toBeNull()
  })
})

describe('the session manager over the real engine and the fake client', () => {
  const managers: WhatsAppSessionManager[] = []
  function manager(engineFactory: EngineFactory, client: ConstructorParameters<typeof WhatsAppSessionManager>[0]['client'] = {}) {
    const m = new WhatsAppSessionManager({ engineFactory, leaseTtlMs: 3000, tickMs: 60_000, client })
    managers.push(m)
    return m
  }
  afterEach(async () => {
    await Promise.all(managers.splice(0).map((m) => m.disconnectAll()))
  })

  it('a stalled login: QR cleared at once, "linked" phase, destroyed and retried, stopped after the second stall, recovers on reconnect (point 6)', async () => {
    const org = (await createOrganization()).id
    // The first two launches link but never become ready; the third works.
    const { fakes, engineFactory } = webjsOverFake((client, index) => client.setReadyAfterAuth(index >= 2))
    const m = manager(engineFactory, { loginStallMs: 300 })
    await m.connect(org)
    await sessionWhere(org, (row) => row.status === 'QR_CODE_PENDING' && Boolean(row.qrCode))
    await fakes.last.link()
    const linked = await sessionWhere(org, (row) => row.linkedAt !== null)
    expect(linked).toMatchObject({ status: 'CONNECTING', qrCode: null })

    const stalled = await sessionWhere(org, (row) => row.errorCode === 'LOGIN_STALLED')
    expect(stalled).toMatchObject({ status: 'CONNECTING', linkedAt: null, wantedConnected: true })
    expect(fakes.clients[0]!.pupBrowser?.isConnected()).toBe(false)

    // The usual backoff (2 s), a new QR, linked again, stalled again: now it stops and says why.
    await waitFor(() => fakes.clients.length === 2, 6000)
    await sessionWhere(org, (row) => row.status === 'QR_CODE_PENDING')
    await fakes.last.link()
    const stopped = await sessionWhere(org, (row) => row.status === 'ERROR', 5000)
    expect(stopped).toMatchObject({ errorCode: 'LOGIN_STALLED', wantedConnected: false, qrCode: null, linkedAt: null })
    expect(fakes.clients[1]!.pupBrowser?.isConnected()).toBe(false)
    expect(m.hasLocalSession(org)).toBe(false)
    await sleep(2500)
    expect(fakes.clients).toHaveLength(2)

    // The admin connects again: this build loads, and the session is connected.
    await m.connect(org)
    await sessionWhere(org, (row) => row.status === 'QR_CODE_PENDING')
    await fakes.last.link()
    const connected = await sessionWhere(org, (row) => row.status === 'CONNECTED')
    expect(connected).toMatchObject({ errorCode: null, linkedAt: null, phoneNumber: '+996555000001' })
  }, 30_000)

  it('an idle QR expires: the library gives up, QR_EXPIRED, Chromium closed, no relaunch (point 7)', async () => {
    const org = (await createOrganization()).id
    const { fakes, engineFactory } = webjsOverFake(undefined, { qrMaxRetries: 2 })
    const m = manager(engineFactory)
    await m.connect(org)
    await sessionWhere(org, (row) => row.status === 'QR_CODE_PENDING')
    await fakes.last.showQr()
    await fakes.last.showQr()
    const expired = await sessionWhere(org, (row) => row.errorCode === 'QR_EXPIRED')
    expect(expired).toMatchObject({ status: 'DISCONNECTED', qrCode: null, wantedConnected: false })
    expect(fakes.last.pupBrowser?.isConnected()).toBe(false)
    await waitFor(() => !m.hasLocalSession(org))
    await sleep(2500)
    expect(fakes.clients).toHaveLength(1)
  }, 15_000)

  it('DEPRECATED_VERSION is terminal: ERROR with its own code, no relaunch loop (point 8)', async () => {
    const org = (await createOrganization()).id
    const { fakes, engineFactory } = webjsOverFake((client) => client.setSession('restored'))
    const m = manager(engineFactory)
    await m.connect(org)
    await sessionWhere(org, (row) => row.status === 'CONNECTED')
    await fakes.last.emitState('DEPRECATED_VERSION')
    const failed = await sessionWhere(org, (row) => row.status === 'ERROR')
    expect(failed).toMatchObject({ errorCode: 'DEPRECATED_VERSION', wantedConnected: false })
    await sleep(2500)
    expect(fakes.clients).toHaveLength(1)
    expect(m.hasLocalSession(org)).toBe(false)
  }, 15_000)

  it('a network drop seen only as change_state TIMEOUT relaunches with backoff (point 8)', async () => {
    const org = (await createOrganization()).id
    const { fakes, engineFactory } = webjsOverFake((client) => client.setSession('restored'), { networkDropMs: 100 })
    const m = manager(engineFactory)
    await m.connect(org)
    await sessionWhere(org, (row) => row.status === 'CONNECTED')
    await fakes.last.emitState('TIMEOUT')
    const dropped = await sessionWhere(org, (row) => row.errorCode === 'NETWORK')
    expect(dropped.status).toBe('CONNECTING')
    expect(fakes.clients[0]!.pupBrowser?.isConnected()).toBe(false)
    await waitFor(() => fakes.clients.length === 2, 5000)
    await sessionWhere(org, (row) => row.status === 'CONNECTED', 5000)
  }, 15_000)

  it('unreachable WhatsApp Web keeps its own explanation when the retries run out (point 11)', async () => {
    const org = (await createOrganization()).id
    const { fakes, engineFactory } = webjsOverFake((client) => client.failInitialize(new Error('net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/')))
    const m = manager(engineFactory, { maxReconnectAttempts: 1 })
    await m.connect(org)
    const failed = await sessionWhere(org, (row) => row.status === 'ERROR', 8000)
    expect(failed.errorCode).toBe('WHATSAPP_UNREACHABLE')
    expect(failed.errorMessage).toMatch(/gave up reconnecting; last failure: WHATSAPP_UNREACHABLE/)
    expect(fakes.clients).toHaveLength(2)
  }, 15_000)

  it('after a network cause the final error is the generic MAX_RECONNECT, naming the cause in its detail (point 11)', async () => {
    const org = (await createOrganization()).id
    const { fakes, engineFactory } = webjsOverFake((client) => client.setSession('restored'))
    // No reconnect attempts left: the first drop (PROXYBLOCK → NETWORK) is the last failure.
    const m = manager(engineFactory, { maxReconnectAttempts: 0 })
    await m.connect(org)
    await sessionWhere(org, (row) => row.status === 'CONNECTED')
    await fakes.last.emitState('PROXYBLOCK')
    const failed = await sessionWhere(org, (row) => row.status === 'ERROR', 8000)
    expect(failed.errorCode).toBe('MAX_RECONNECT')
    expect(failed.errorMessage).toMatch(/last failure: NETWORK: PROXYBLOCK/)
  }, 15_000)
})
