/**
 * The messaging pipeline end to end against PostgreSQL, Redis and the simulator: incoming messages,
 * idempotency, sending with acks, retries, quotas, per-organization pacing, bulk rules, agents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setAgentResponder } from '../../agents/agent-hook'
import { sendBulkMessagesForAgent, sendMessageForAgent } from '../../agents/agent-api'
import { db } from '../../db'
import { createTenant, type Tenant } from '../../testing/factories'
import { clientIdOf, connectPhone, setSettings, startHarness, type Harness } from '../../testing/pipeline-harness'
import { waitFor } from '../../testing/wait-for'
import * as phone from '../../whatsapp/engines/simulator/simulator-control'

let harness: Harness
let shop: Tenant

beforeAll(async () => {
  harness = await startHarness()
  shop = await createTenant()
  await connectPhone(harness.manager, shop.organization.id)
})

afterAll(async () => {
  setAgentResponder(null)
  await harness.stop()
})

describe('incoming messages', () => {
  it('a new customer becomes a NEW_LEAD client with a conversation and the message', async () => {
    await phone.sendAsCustomer(clientIdOf(shop.organization.id), { from: '+996 700 123 001', name: 'Айбек', body: 'Саламатсызбы! Бааларыңыз канча?' })
    const client = await waitFor(() => db.client.findFirst({ where: { organizationId: shop.organization.id, phone: '+996700123001' } }))
    expect(client.status).toBe('NEW_LEAD')
    expect(client.whatsappId).toBe('996700123001@c.us')
    expect(client.name).toBe('Айбек')
    expect(client.preferredLanguage).toBe('ky')
    const conversation = await db.conversation.findFirstOrThrow({ where: { organizationId: shop.organization.id, clientId: client.id } })
    expect(conversation.channel).toBe('WHATSAPP')
    expect(conversation.lastMessageAt).not.toBeNull()
    const message = await waitFor(() => db.message.findFirst({ where: { conversationId: conversation.id } }))
    expect(message).toMatchObject({ direction: 'INCOMING', sender: 'CLIENT', status: 'PENDING', content: 'Саламатсызбы! Бааларыңыз канча?' })
    expect(message.whatsappMessageId).toMatch(/^false_996700123001@c\.us_/)
    await waitFor(async () => (await db.message.findUnique({ where: { id: message.id } }))?.language === 'ky')
  })

  it('the same WhatsApp message delivered twice becomes one row', async () => {
    const sent = await phone.sendAsCustomer(clientIdOf(shop.organization.id), { from: '+996700123002', body: 'Здравствуйте, доставка есть?' })
    await phone.redeliver(clientIdOf(shop.organization.id), sent)
    await phone.redeliver(clientIdOf(shop.organization.id), sent)
    await waitFor(() => db.message.findFirst({ where: { organizationId: shop.organization.id, whatsappMessageId: sent.id } }))
    await new Promise((r) => setTimeout(r, 500))
    expect(await db.message.count({ where: { organizationId: shop.organization.id, whatsappMessageId: sent.id } })).toBe(1)
    expect(await db.client.count({ where: { organizationId: shop.organization.id, phone: '+996700123002' } })).toBe(1)
  })

  it('ignores groups and status updates, and turns media into placeholders', async () => {
    const clientId = clientIdOf(shop.organization.id)
    await phone.sendAsCustomer(clientId, { from: '+996700123003', body: 'в группе', group: true })
    await phone.sendAsCustomer(clientId, { from: '+996700123003', body: 'мой статус', status: true })
    await phone.sendAsCustomer(clientId, { from: '+996700123003', body: '', type: 'image' })
    const media = await waitFor(() => db.message.findFirst({ where: { organizationId: shop.organization.id, content: '[Media: image]' } }))
    expect(media.direction).toBe('INCOMING')
    expect(await db.message.count({ where: { organizationId: shop.organization.id, content: { in: ['в группе', 'мой статус'] } } })).toBe(0)
  })

  it('an agent reply is queued through the same pipeline as AI', async () => {
    setAgentResponder(async (context) => (context.body.includes('бот') ? { content: 'Здравствуйте! Чем помочь?', agentType: 'QUALIFICATION' } : null))
    await phone.sendAsCustomer(clientIdOf(shop.organization.id), { from: '+996700123004', body: 'Привет, бот?' })
    const reply = await waitFor(() =>
      db.message.findFirst({ where: { organizationId: shop.organization.id, sender: 'AI', content: 'Здравствуйте! Чем помочь?' } }),
    )
    expect(reply).toMatchObject({ direction: 'OUTGOING', senderId: 'QUALIFICATION', priority: 5 })
    await waitFor(async () => (await db.message.findUnique({ where: { id: reply.id } }))?.status !== 'PENDING')
    setAgentResponder(null)
  })
})

describe('sending', () => {
  it('send → SENT → DELIVERED → READ as WhatsApp acknowledges', async () => {
    const result = await shop.asOperator().whatsapp.send({ to: '+996 700 555 001', content: 'Ваш заказ готов' })
    const row = await db.message.findUniqueOrThrow({ where: { id: result.messageId } })
    expect(row).toMatchObject({ status: 'PENDING', sender: 'HUMAN', senderId: shop.operator.id, direction: 'OUTGOING' })
    const seen = new Set<string>()
    await waitFor(
      async () => {
        const m = await db.message.findUniqueOrThrow({ where: { id: result.messageId } })
        seen.add(m.status)
        return m.status === 'READ' ? m : null
      },
      8000,
      10,
    )
    const done = await db.message.findUniqueOrThrow({ where: { id: result.messageId } })
    expect(done.whatsappMessageId).toMatch(/^true_996700555001@c\.us_/)
    expect(done.sentAt).not.toBeNull()
    expect(done.deliveredAt).not.toBeNull()
    expect(done.readAt).not.toBeNull()
    expect(seen.has('SENT') || seen.has('DELIVERED')).toBe(true)
  })

  it('three failures → FAILED with the error; retry sends it', async () => {
    const tenant = await createTenant()
    // A faster pace, so three attempts (2 s and 4 s backoff, plus the pacing gap) fit the test.
    await setSettings(tenant.organization.id, { rateLimiting: { messagesPerMinute: 20 } })
    await connectPhone(harness.manager, tenant.organization.id)
    await phone.failNextSends(clientIdOf(tenant.organization.id), 3)
    const result = await tenant.asOperator().whatsapp.send({ to: '+996700555002', content: 'попытка' })
    const failed = await waitFor(
      async () => {
        const m = await db.message.findUniqueOrThrow({ where: { id: result.messageId } })
        return m.status === 'FAILED' ? m : null
      },
      30_000,
      100,
    )
    expect(failed.attempts).toBe(3)
    expect(failed.error).toMatch(/SEND_FAILED/)
    await tenant.asOperator().whatsapp.retry({ messageId: result.messageId })
    await waitFor(async () => ['SENT', 'DELIVERED', 'READ'].includes((await db.message.findUniqueOrThrow({ where: { id: result.messageId } })).status), 10_000)
  }, 60_000)

  it('an invalid phone number is refused with a clear error and nothing is stored', async () => {
    const before = await db.message.count({ where: { organizationId: shop.organization.id } })
    await expect(shop.asOperator().whatsapp.send({ to: '+996 12', content: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    expect(await db.message.count({ where: { organizationId: shop.organization.id } })).toBe(before)
  })

  it('over the quota → TOO_MANY_REQUESTS with remaining and resetAt', async () => {
    const tenant = await createTenant()
    await setSettings(tenant.organization.id, { rateLimiting: { messagesPerMinute: 2 } })
    const caller = tenant.asOperator()
    await caller.whatsapp.send({ to: '+996700555101', content: 'раз' })
    await caller.whatsapp.send({ to: '+996700555102', content: 'два' })
    const error = await caller.whatsapp.send({ to: '+996700555103', content: 'три' }).catch((e) => e)
    expect(error.code).toBe('TOO_MANY_REQUESTS')
    expect(error.cause.details).toMatchObject({ window: 'minute', limit: 2, remaining: 0 })
    const resetAt = new Date(error.cause.details.resetAt).getTime()
    expect(resetAt).toBeGreaterThan(Date.now())
    expect(resetAt).toBeLessThanOrEqual(Date.now() + 60_000)
    expect(await db.message.count({ where: { organizationId: tenant.organization.id, content: 'три' } })).toBe(0)
  })

  it('waits while WhatsApp is not connected instead of burning attempts, then sends', async () => {
    const tenant = await createTenant()
    const result = await tenant.asOperator().whatsapp.send({ to: '+996700555201', content: 'жду подключения' })
    await new Promise((r) => setTimeout(r, 1500))
    const waiting = await db.message.findUniqueOrThrow({ where: { id: result.messageId } })
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 0 })
    await connectPhone(harness.manager, tenant.organization.id)
    await waitFor(async () => (await db.message.findUniqueOrThrow({ where: { id: result.messageId } })).status !== 'PENDING', 10_000)
    expect((await db.message.findUniqueOrThrow({ where: { id: result.messageId } })).attempts).toBe(1)
  }, 20_000)

  it('a banned number refuses new messages', async () => {
    const tenant = await createTenant()
    await connectPhone(harness.manager, tenant.organization.id)
    await phone.banNumber(clientIdOf(tenant.organization.id))
    await waitFor(async () => (await db.whatsAppSession.findUnique({ where: { organizationId: tenant.organization.id } }))?.errorCode === 'BANNED')
    await expect(tenant.asOperator().whatsapp.send({ to: '+996700555301', content: 'x' })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' })
    await phone.banNumber(clientIdOf(tenant.organization.id), false)
  })

  it('one organization flooding does not slow another', async () => {
    const flooder = await createTenant()
    const calm = await createTenant()
    await setSettings(flooder.organization.id, {
      rateLimiting: { messagesPerMinute: 20, messagesPerHour: 300, messagesPerDay: 2000 },
      safety: { enableMassSending: true, requireConfirmation: false, maxBatchSize: 100 },
    })
    await connectPhone(harness.manager, flooder.organization.id)
    await connectPhone(harness.manager, calm.organization.id)
    await flooder.asAdmin().whatsapp.sendBulk({
      messages: Array.from({ length: 40 }, (_, i) => ({ to: `+9967006${String(i).padStart(5, '0')}`, content: `акция ${i}` })),
      confirmed: true,
    })
    const started = Date.now()
    const calmSend = await calm.asOperator().whatsapp.send({ to: '+996700777001', content: 'спокойно' })
    await waitFor(async () => (await db.message.findUniqueOrThrow({ where: { id: calmSend.messageId } })).status !== 'PENDING', 5000, 20)
    const calmLatency = Date.now() - started
    const flooderPending = await db.message.count({ where: { organizationId: flooder.organization.id, status: 'PENDING' } })
    expect(calmLatency).toBeLessThan(3000)
    expect(flooderPending).toBeGreaterThan(30)
  })
})

describe('bulk rules', () => {
  it('refuses when mass sending is off, asks to confirm large batches, and checks the day quota first', async () => {
    const tenant = await createTenant()
    const messages = (n: number) => Array.from({ length: n }, (_, i) => ({ to: `+99670088${String(i).padStart(4, '0')}`, content: 'Здравствуйте, {name}!' }))
    await expect(tenant.asAdmin().whatsapp.sendBulk({ messages: messages(3) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { messageKey: 'bulkDisabled' },
    })

    await setSettings(tenant.organization.id, { safety: { enableMassSending: true, requireConfirmation: true, maxBatchSize: 5 } })
    const needsConfirm = await tenant
      .asAdmin()
      .whatsapp.sendBulk({ messages: messages(6) })
      .catch((e) => e)
    expect(needsConfirm.code).toBe('BAD_REQUEST')
    expect(needsConfirm.cause).toMatchObject({ messageKey: 'bulkNeedsConfirmation', params: { count: 6, max: 5 } })
    const ok = await tenant.asAdmin().whatsapp.sendBulk({ messages: messages(6), confirmed: true })
    expect(ok).toMatchObject({ queued: 6, failed: 0 })
    expect(await db.message.count({ where: { batchId: ok.batchId! } })).toBe(6)

    await setSettings(tenant.organization.id, {
      rateLimiting: { messagesPerMinute: 1, messagesPerHour: 5, messagesPerDay: 8 },
      safety: { enableMassSending: true, requireConfirmation: false, maxBatchSize: 50 },
    })
    // A new text (the same one again within 24 h would be left out as a repeat before the quota is asked).
    const overDay = await tenant
      .asAdmin()
      .whatsapp.sendBulk({ messages: messages(3).map((m) => ({ ...m, content: 'Новая акция, {name}!' })) })
      .catch((e) => e)
    expect(overDay.code).toBe('TOO_MANY_REQUESTS')
    expect(overDay.cause.details).toMatchObject({ window: 'day', limit: 8, remaining: 2 })
    expect(await db.bulkBatch.count({ where: { organizationId: tenant.organization.id, total: { gt: 0 } } })).toBe(1)

    await expect(tenant.asOperator().whatsapp.sendBulk({ messages: messages(1) })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('reports invalid recipients without dropping the rest', async () => {
    const tenant = await createTenant()
    await setSettings(tenant.organization.id, { safety: { enableMassSending: true } })
    const result = await tenant.asAdmin().whatsapp.sendBulk({
      messages: [
        { to: '+996700991001', content: 'ok' },
        { to: '+996 12 34', content: 'bad number' },
        { clientId: 'nope', content: 'no such client' },
      ],
    })
    expect(result).toMatchObject({ queued: 1, failed: 2 })
    expect(result.errors.map((e) => e.error)).toEqual(['phoneInvalid', 'clientNotFound'])
  })
})

describe('agent API', () => {
  it('sends as AI with agent priority, and limits agent bulk sends to 20', async () => {
    const sent = await sendMessageForAgent(shop.organization.id, '+996700444001', 'Добрый день! Это напоминание.', null, 'FOLLOW_UP')
    const row = await db.message.findUniqueOrThrow({ where: { id: sent.messageId } })
    expect(row).toMatchObject({ sender: 'AI', senderId: 'FOLLOW_UP', priority: 5, organizationId: shop.organization.id })
    await setSettings(shop.organization.id, { safety: { enableMassSending: true, requireConfirmation: false } })
    const tooMany = Array.from({ length: 21 }, (_, i) => ({ to: `+99670044${String(i).padStart(4, '0')}`, content: 'hi' }))
    await expect(sendBulkMessagesForAgent(shop.organization.id, tooMany, 'CAMPAIGN')).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    const ok = await sendBulkMessagesForAgent(shop.organization.id, tooMany.slice(0, 2), 'CAMPAIGN')
    expect(ok.queued).toBe(2)
    expect(await db.message.count({ where: { batchId: ok.batchId!, sender: 'AI', senderId: 'CAMPAIGN' } })).toBe(2)
  })
})
