/**
 * Text PostgreSQL refuses (NUL, lone surrogates) is cleaned where it comes in (shared/message-text.ts):
 * a customer's message through the engine's incoming path is stored, not buffered for ever; a send
 * whose text is empty or too long once cleaned is refused before a row is created or the quota counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../db'
import { createTenant, type Tenant } from '../../testing/factories'
import { startHarness, type Harness } from '../../testing/pipeline-harness'
import { waitFor } from '../../testing/wait-for'
import { FakeEngine } from '../../whatsapp/engine/fake-engine'
import { incomingBuffer } from './incoming-service'

let harness: Harness
let tenant: Tenant
let engine: FakeEngine

beforeAll(async () => {
  harness = await startHarness({
    engineFactory: () => {
      engine = new FakeEngine({ autoReady: true })
      return engine
    },
  })
  tenant = await createTenant()
  await harness.manager.connect(tenant.organization.id)
  await waitFor(() => harness.manager.isConnected(tenant.organization.id), 10_000)
})

afterAll(async () => {
  await harness?.stop()
})

describe('message text PostgreSQL cannot store', () => {
  it('stores a customer message with NUL and a lone surrogate, cleaned, and buffers nothing', async () => {
    const id = `false_996700570001@c.us_NUL${Date.now()}`
    engine.emit('message', {
      id,
      from: '996700570001@c.us',
      to: '996555000001@c.us',
      body: 'Сал\u0000ам \uD83D👋\r\nцена?',
      notifyName: 'Ай\u0000гүл',
      timestamp: Math.floor(Date.now() / 1000),
      hasMedia: false,
      type: 'text',
      fromMe: false,
      isStatus: false,
      isGroup: false,
    })
    const stored = await waitFor(
      () =>
        db.message.findFirst({
          where: { organizationId: tenant.organization.id, whatsappMessageId: id },
          select: { content: true, conversation: { select: { client: { select: { name: true } } } } },
        }),
      15_000,
    )
    expect(stored.content).toBe('Салам 👋\nцена?')
    expect(stored.conversation.client.name).not.toContain('\u0000')
    expect(incomingBuffer).toHaveLength(0)
  })

  it('sends a text with NUL, cleaned', async () => {
    const result = await tenant.asOperator().whatsapp.send({ to: '+996700570002', content: 'Заказ\u0000 готов\r\n🙏\uDE00' })
    const row = await db.message.findUniqueOrThrow({ where: { id: result.messageId }, select: { content: true } })
    expect(row.content).toBe('Заказ готов\n🙏')
    await waitFor(() => engine.sent.some((s) => s.text === 'Заказ готов\n🙏'), 15_000)
  })

  it.each([
    ['nothing left once cleaned', '\u0000 \uD800\r\n'],
    ['too long', 'б'.repeat(4097)],
  ])('refuses a send with %s before creating anything or counting it', async (_name, content) => {
    const org = tenant.organization.id
    const to = `+99670057${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`
    const counts = async () => ({
      messages: await db.message.count({ where: { organizationId: org } }),
      clients: await db.client.count({ where: { organizationId: org } }),
      conversations: await db.conversation.count({ where: { organizationId: org } }),
    })
    const before = { ...(await counts()), quota: await tenant.asOperator().whatsapp.quota() }
    await expect(tenant.asOperator().whatsapp.send({ to, content })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    const bulk = tenant.asAdmin().whatsapp.sendBulk({ messages: [{ to, content }] })
    await expect(bulk).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    const after = { ...(await counts()), quota: await tenant.asOperator().whatsapp.quota() }
    expect(after.messages).toBe(before.messages)
    expect(after.clients).toBe(before.clients)
    expect(after.conversations).toBe(before.conversations)
    for (const window of ['minute', 'hour', 'day'] as const) expect(after.quota[window].remaining).toBe(before.quota[window].remaining)
  })

  it('counts the length after cleaning: 4096 letters and a NUL are accepted', async () => {
    const result = await tenant.asOperator().whatsapp.send({ to: '+996700570003', content: `${'ж'.repeat(4096)}\u0000` })
    const row = await db.message.findUniqueOrThrow({ where: { id: result.messageId }, select: { content: true } })
    expect(row.content).toBe('ж'.repeat(4096))
  })
})
