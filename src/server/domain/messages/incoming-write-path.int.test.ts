/**
 * The incoming write path of issue 15 point 1 (fewer statements per message): still idempotent by
 * WhatsApp id, nothing lost or duplicated under concurrency, the conversation's counters and status
 * as the separate updates left them, and the events carrying what the transaction stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../db'
import { getEventBus } from '../../events/event-bus'
import { createTenant, type Tenant } from '../../testing/factories'
import { clientIdOf, connectPhone, startHarness, type Harness } from '../../testing/pipeline-harness'
import { waitFor } from '../../testing/wait-for'
import * as phone from '../../whatsapp/engines/simulator/simulator-control'
import { getIncomingQueue } from '../../queues/incoming-queue'
import { acceptIncoming, processIncoming } from './incoming-service'

let tenant: Tenant

const incoming = (n: number, from = '996700400001@c.us', body = `Сообщение ${n}`, timestamp = Math.floor(Date.now() / 1000)) => ({
  id: `false_${from}_WP${Date.now()}${n}${Math.random().toString(36).slice(2, 6)}`,
  from,
  to: '996555000001@c.us',
  body,
  timestamp,
  hasMedia: false,
  type: 'text' as const,
})

/** An inbox row written straight (not queued): the test runs the processing itself. */
async function inboxRow(organizationId: string, message: ReturnType<typeof incoming>) {
  const row = await db.incomingInbox.create({
    data: { organizationId, whatsappMessageId: message.id, payload: message, queuedAt: new Date() },
    select: { id: true },
  })
  return row.id
}

beforeAll(async () => {
  tenant = await createTenant()
})

describe('accepting', () => {
  it('the same WhatsApp message accepted four times at once: one inbox row, one job', async () => {
    const org = tenant.organization.id
    const message = incoming(1)
    const results = await Promise.all([1, 2, 3, 4].map(() => acceptIncoming(org, message, 60_000)))
    const rows = await db.incomingInbox.findMany({ where: { organizationId: org, whatsappMessageId: message.id } })
    expect(rows).toHaveLength(1)
    expect(results.map((r) => r.inboxId)).toEqual([rows[0]!.id, rows[0]!.id, rows[0]!.id, rows[0]!.id])
    // One inserted it; the others found it (queued already, or queued again under the same job id when Redis refused the first).
    const job = await getIncomingQueue().getJob(`inbox-${rows[0]!.id}`)
    expect(job?.data).toEqual({ organizationId: org, inboxId: rows[0]!.id })
    // Marked queued by its own insert (no second write), and left for the delayed job (60 s) to process.
    expect(rows[0]!.queuedAt).not.toBeNull()
    expect(rows[0]!.processedAt).toBeNull()
    await job?.remove()
  })
})

describe('processing', () => {
  it('the same row processed four times at once: one message, one unread, one client; the others are duplicates', async () => {
    const org = tenant.organization.id
    const inboxId = await inboxRow(org, incoming(2, '996700400002@c.us'))
    const results = await Promise.all([1, 2, 3, 4].map(() => processIncoming(inboxId)))
    expect(results.map((r) => r.status).sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'processed'])
    const client = await db.client.findFirstOrThrow({ where: { organizationId: org, phone: '+996700400002' } })
    const conversation = await db.conversation.findFirstOrThrow({ where: { organizationId: org, clientId: client.id } })
    expect(conversation.unreadCount).toBe(1)
    expect(await db.message.count({ where: { conversationId: conversation.id } })).toBe(1)
    expect((await db.incomingInbox.findUniqueOrThrow({ where: { id: inboxId } })).processedAt).not.toBeNull()
    expect(await processIncoming(inboxId)).toEqual({ status: 'duplicate' })
    expect(await processIncoming('no-such-row')).toEqual({ status: 'missing' })
  })

  it('a message a history import stored first is a duplicate: the row is done, the conversation unchanged', async () => {
    const org = tenant.organization.id
    const first = incoming(3, '996700400003@c.us')
    expect(await processIncoming(await inboxRow(org, first))).toMatchObject({ status: 'processed' })
    const conversation = await db.conversation.findFirstOrThrow({ where: { organizationId: org, client: { phone: '+996700400003' } } })
    // The same WhatsApp id stored already (as a history import would), arriving again in a new inbox row.
    const again = { ...incoming(4, '996700400003@c.us'), id: first.id }
    await db.incomingInbox.deleteMany({ where: { organizationId: org, whatsappMessageId: first.id } })
    const inboxId = await inboxRow(org, again)
    expect(await processIncoming(inboxId)).toEqual({ status: 'duplicate' })
    expect((await db.incomingInbox.findUniqueOrThrow({ where: { id: inboxId } })).processedAt).not.toBeNull()
    const after = await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })
    expect(after.unreadCount).toBe(conversation.unreadCount)
    expect(await db.message.count({ where: { organizationId: org, whatsappMessageId: first.id } })).toBe(1)
  })

  it('lastMessageAt never moves back, the wait starts at the oldest unanswered message, and a resolved conversation reopens once with its entry', async () => {
    const org = tenant.organization.id
    const from = '996700400005@c.us'
    const now = Math.floor(Date.now() / 1000)
    expect(await processIncoming(await inboxRow(org, incoming(5, from, 'позже', now)))).toMatchObject({ status: 'processed' })
    const conversation = await db.conversation.findFirstOrThrow({ where: { organizationId: org, client: { phone: '+996700400005' } } })
    await db.conversation.update({ where: { id: conversation.id }, data: { status: 'RESOLVED' } })
    // Written a minute earlier, stored later (out of order).
    expect(await processIncoming(await inboxRow(org, incoming(6, from, 'раньше', now - 60)))).toMatchObject({ status: 'processed' })
    const after = await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })
    expect(after.lastMessageAt!.getTime()).toBe(now * 1000)
    expect(after.waitingSince!.getTime()).toBe((now - 60) * 1000)
    expect(after.unreadCount).toBe(2)
    expect(after.status).toBe('OPEN')
    expect(after.snoozedUntil).toBeNull()
    expect(await db.conversationEntry.count({ where: { conversationId: conversation.id, kind: 'REOPENED' } })).toBe(1)
    // Open already: a third message reopens nothing.
    expect(await processIncoming(await inboxRow(org, incoming(7, from, 'ещё', now)))).toMatchObject({ status: 'processed' })
    expect(await db.conversationEntry.count({ where: { conversationId: conversation.id, kind: 'REOPENED' } })).toBe(1)
  })

  it('stores the detection with the message and decides the client’s language from the stored ones', async () => {
    const org = tenant.organization.id
    const from = '996700400008@c.us'
    const texts = ['Саламатсызбы! Бааларыңыз канча?', 'Жеткирүү барбы, эже?', 'Рахмат, азыр келем']
    for (const [i, body] of texts.entries())
      expect(await processIncoming(await inboxRow(org, incoming(8 + i, from, body)))).toMatchObject({ status: 'processed' })
    const client = await db.client.findFirstOrThrow({ where: { organizationId: org, phone: '+996700400008' } })
    const messages = await db.message.findMany({
      where: { organizationId: org, conversation: { clientId: client.id } },
      select: { language: true, metadata: true },
    })
    for (const m of messages) expect((m.metadata as { languageConfidence?: unknown }).languageConfidence).toEqual(expect.any(Number))
    expect(client.preferredLanguage).toBe('ky')
    expect(client.languageSampled).toBe(3)
  })
})

describe('through the whole pipeline', () => {
  let harness: Harness
  let other: Tenant

  beforeAll(async () => {
    harness = await startHarness()
    other = await createTenant()
    for (const t of [tenant, other]) await connectPhone(harness.manager, t.organization.id)
  })

  afterAll(async () => {
    await harness.stop()
  })

  it('two organizations’ bursts, with repeats: every message stored once, with one event each', async () => {
    const N = 30
    const orgs = [tenant.organization.id, other.organization.id]
    const created = new Map<string, number>()
    const abort = new AbortController()
    for (const org of orgs)
      void (async () => {
        for await (const e of getEventBus().subscribe(org, { types: ['message.created'], signal: abort.signal })) {
          const id = e.event.data.message.id
          created.set(id, (created.get(id) ?? 0) + 1)
        }
      })()
    await new Promise((r) => setTimeout(r, 200))
    const sent = await Promise.all(
      orgs.map(async (org, o) => {
        const ids: string[] = []
        for (let i = 0; i < N; i++) {
          const message = await phone.sendAsCustomer(clientIdOf(org), { from: `+99670050${o}${String(i % 7).padStart(3, '0')}`, body: `Пачка ${o}/${i}` })
          // Every fifth one WhatsApp hands over twice.
          if (i % 5 === 0) await phone.redeliver(clientIdOf(org), message)
          ids.push(message.id)
        }
        return ids
      }),
    )
    const all = sent.flat()
    await waitFor(async () => (await db.message.count({ where: { whatsappMessageId: { in: all } } })) === all.length, 180_000, 200)
    await waitFor(async () => (await db.incomingInbox.count({ where: { whatsappMessageId: { in: all }, processedAt: null } })) === 0, 30_000, 200)
    const rows = await db.message.findMany({ where: { whatsappMessageId: { in: all } }, select: { id: true, whatsappMessageId: true } })
    expect(new Set(rows.map((r) => r.whatsappMessageId)).size).toBe(all.length)
    expect(await db.incomingInbox.count({ where: { whatsappMessageId: { in: all } } })).toBe(all.length)
    // Seven customers per organization: seven clients, seven conversations, N unread in all.
    for (const org of orgs) {
      expect(await db.client.count({ where: { organizationId: org, phone: { startsWith: '+99670050' } } })).toBe(7)
      const conversations = await db.conversation.findMany({ where: { organizationId: org, client: { phone: { startsWith: '+99670050' } } } })
      expect(conversations.reduce((sum, c) => sum + c.unreadCount, 0)).toBe(N)
    }
    await waitFor(() => rows.every((r) => created.has(r.id)), 10_000, 100)
    expect([...rows].every((r) => created.get(r.id) === 1)).toBe(true)
    abort.abort()
  }, 300_000)
})
