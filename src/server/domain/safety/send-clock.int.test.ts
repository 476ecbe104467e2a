/**
 * Warm-up and quiet hours against PostgreSQL, Redis, BullMQ and the simulator:
 * - a number linked now is capped at the curve's first step (20) for bulk and agent messages, a
 *   person's reply still goes, and the cap goes once the number is older than the warm-up;
 * - at 22:00 in Bishkek (the send worker's clock set there) a bulk waits for the morning in the
 *   organization's zone, spread over the hour, with no attempt spent and nothing lost; a person's reply
 *   to a customer who wrote within 24 h goes at once, one to a customer silent for days waits too;
 *   in the morning all of them go;
 * - the bulk preview tells the finish time and the exclusions, creates nothing, and sees only its
 *   own organization's clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendMessageForAgent } from '../../agents/agent-api'
import { db } from '../../db'
import { getSendQueue } from '../../queues/send-queue'
import { createClient, createConversation, createTenant } from '../../testing/factories'
import { connectPhone, setSettings, startHarness, type Harness } from '../../testing/pipeline-harness'
import { waitFor } from '../../testing/wait-for'
import { bulkProgress } from '../messages/message-events'
import { nextLocalTime, QUIET_SPREAD_MS } from '~/shared/quiet-hours'

let harness: Harness
/** The send worker's clock; Date.now unless a test moves it. */
let clock: (() => Date) | null = null

const massSending = {
  safety: { enableMassSending: true, requireConfirmation: false, maxBatchSize: 100 },
  rateLimiting: { messagesPerMinute: 20, messagesPerHour: 300, messagesPerDay: 500 },
}
const SEND_WAIT_MS = 30_000
const statusOf = async (id: string) => (await db.message.findUniqueOrThrow({ where: { id }, select: { status: true } })).status
const waitSent = (id: string) => waitFor(async () => ['SENT', 'DELIVERED', 'READ'].includes(await statusOf(id)), SEND_WAIT_MS)
const phones = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `+996700${prefix}${String(i + 1).padStart(4, '0')}`)

beforeAll(async () => {
  harness = await startHarness({ now: () => (clock ? clock() : new Date()) })
})

afterAll(async () => {
  await harness.stop()
})

describe('warm-up', { timeout: 60_000 }, () => {
  it('caps a number linked today at 20 bulk and agent messages; a person still answers; an old number is not capped', async () => {
    const shop = await createTenant()
    await setSettings(shop.organization.id, { ...massSending, warmUp: { enabled: true } })
    await connectPhone(harness.manager, shop.organization.id)
    // The status writes follow "ready" in order: the number's date lands with the number.
    const session = await waitFor(() => db.whatsAppSession.findFirst({ where: { organizationId: shop.organization.id, phoneNumber: { not: null } } }))
    expect(Date.now() - session.numberSince!.getTime()).toBeLessThan(60_000)
    expect(await shop.asOperator().whatsapp.warmUp()).toMatchObject({ active: true, day: 0, cap: 20, reason: 'newNumber', configured: 500 })

    const bulk = (n: number, text: string) => shop.asAdmin().whatsapp.sendBulk({ messages: phones('31', n).map((to) => ({ to, content: text })) })
    const over = await bulk(21, 'Первая акция').catch((e: unknown) => e)
    expect(over).toMatchObject({ code: 'TOO_MANY_REQUESTS', cause: { details: { window: 'day', limit: 20, remaining: 20 } } })
    expect(await db.message.count({ where: { organizationId: shop.organization.id, batchId: { not: null } } })).toBe(0)
    expect(await bulk(20, 'Первая акция')).toMatchObject({ queued: 20 })

    // The 21st guarded message of the day: refused for an agent.
    await expect(sendMessageForAgent(shop.organization.id, '+996700320001', 'Напоминание', null, 'FOLLOW_UP')).rejects.toMatchObject({
      cause: { messageKey: 'rateLimited.day' },
    })
    // A person's reply is never refused by warm-up (it counts, against the configured 500).
    const reply = await shop.asOperator().whatsapp.send({ conversationId: shop.conversation.id, content: 'Здравствуйте! Да, есть в наличии.' })
    await waitSent(reply.messageId)

    // The admin opts out of warm-up: the agent may write again.
    await shop.asAdmin().whatsapp.settings.update({ warmUp: { enabled: false } })
    await sendMessageForAgent(shop.organization.id, '+996700320002', 'Напоминание', null, 'FOLLOW_UP')

    // Back on, but the number is 20 days old: no warm-up cap (the configured 500 applies).
    await shop.asAdmin().whatsapp.settings.update({ warmUp: { enabled: true } })
    await db.whatsAppSession.update({ where: { organizationId: shop.organization.id }, data: { numberSince: new Date(Date.now() - 20 * 86_400_000) } })
    expect(await shop.asOperator().whatsapp.warmUp()).toMatchObject({ active: false, cap: 500 })
    const second = await bulk(21, 'Вторая акция')
    expect(second, JSON.stringify(second)).toMatchObject({ queued: 21 })

    // An admin flags it as new again: capped from today (23 already used today, so even one more is refused).
    await shop.asAdmin().whatsapp.settings.update({ warmUp: { markNew: true } })
    expect(await shop.asOperator().whatsapp.warmUp()).toMatchObject({ active: true, reason: 'markedNew', cap: 20 })
    await expect(sendMessageForAgent(shop.organization.id, '+996700320003', 'Ещё', null, 'FOLLOW_UP')).rejects.toMatchObject({
      cause: { messageKey: 'rateLimited.day' },
    })
  })

  it('an old number relinked keeps its date; another number starts warming up', async () => {
    const { noteLinkedNumber } = await import('../../whatsapp/session-status')
    const shop = await createTenant()
    const old = new Date(Date.now() - 30 * 86_400_000)
    await db.whatsAppSession.create({ data: { organizationId: shop.organization.id, phoneNumber: '+996700111222', numberSince: old } })
    await noteLinkedNumber(shop.organization.id, '+996700111222')
    expect((await db.whatsAppSession.findUniqueOrThrow({ where: { organizationId: shop.organization.id } })).numberSince).toEqual(old)
    await noteLinkedNumber(shop.organization.id, '+996700333444')
    const renewed = await db.whatsAppSession.findUniqueOrThrow({ where: { organizationId: shop.organization.id } })
    expect(Date.now() - renewed.numberSince!.getTime()).toBeLessThan(10_000)
  })
})

describe('quiet hours', { timeout: 90_000 }, () => {
  it('at 22:00 in Bishkek a bulk waits for the morning, spread out; a reply within 24 h goes; all go in the morning', async () => {
    // 22:00 Bishkek within the next 24 h: a customer who writes now wrote within 24 h of it.
    const night = nextLocalTime(Date.now(), 'Asia/Bishkek', '22:00')
    const morning = nextLocalTime(night, 'Asia/Bishkek', '09:00')
    expect(morning.getTime() - night.getTime()).toBe(11 * 3_600_000)
    const shop = await createTenant()
    await setSettings(shop.organization.id, { ...massSending, quietHours: { enabled: true, start: '21:00', end: '09:00' } })
    await connectPhone(harness.manager, shop.organization.id)
    clock = () => new Date(night.getTime() + (Date.now() % 1000))
    try {
      // A customer silent for three days.
      const silent = await createClient(shop.organization.id, { name: 'Молчун' })
      const silentConversation = await createConversation(shop.organization.id, silent.id, ['Салам'])
      await db.message.updateMany({ where: { conversationId: silentConversation.id }, data: { createdAt: new Date(Date.now() - 3 * 86_400_000) } })

      const recipients = await Promise.all(Array.from({ length: 6 }, (_, i) => createClient(shop.organization.id, { name: `Клиент ${i}` })))
      const bulk = await shop.asAdmin().whatsapp.sendBulk({ messages: recipients.map((c) => ({ clientId: c.id, content: 'Вечерняя акция' })) })
      expect(bulk.queued).toBe(6)
      // An agent's message in the same conversation waits for the morning, and does not hold the person's reply back.
      const agent = await sendMessageForAgent(shop.organization.id, null, 'Напоминание от агента', shop.conversation.id, 'FOLLOW_UP')
      const reply = await shop.asOperator().whatsapp.send({ conversationId: shop.conversation.id, content: 'Отвечаем сразу' })
      const late = await shop.asOperator().whatsapp.send({ conversationId: silentConversation.id, content: 'Напишу вам утром' })

      // The customer who wrote within 24 h gets the reply at night.
      await waitSent(reply.messageId)

      // The bulk and the message to the silent customer wait until 09:00–10:00 Bishkek, each at its own time.
      const held = await waitFor(async () => {
        const rows = await db.message.findMany({ where: { OR: [{ batchId: bulk.batchId! }, { id: { in: [late.messageId, agent.messageId] } }] } })
        return rows.every((m) => m.quietUntil) ? rows : null
      }, 20_000)
      const untils = held.map((m) => m.quietUntil!.getTime())
      for (const m of held) {
        expect(m).toMatchObject({ status: 'PENDING', sendAttemptAt: null, whatsappMessageId: null, attempts: 0 })
        expect(m.quietUntil!.getTime()).toBeGreaterThanOrEqual(morning.getTime())
        expect(m.quietUntil!.getTime()).toBeLessThan(morning.getTime() + QUIET_SPREAD_MS)
      }
      expect(new Set(untils).size).toBe(held.length)
      // BullMQ holds the jobs for that long, without spending an attempt.
      for (const m of held) {
        const job = (await getSendQueue().getJob(m.id))!
        expect(await job.getState()).toBe('delayed')
        expect(job.attemptsMade).toBe(0)
        expect(Math.abs(job.delay - (m.quietUntil!.getTime() - night.getTime()))).toBeLessThan(5_000)
      }
      expect(await bulkProgress(shop.organization.id, bulk.batchId!)).toMatchObject({ pending: 6, waitingQuiet: 6, sent: 0 })

      // Morning: every held message goes, none lost, none failed.
      clock = () => new Date(morning.getTime() + QUIET_SPREAD_MS + (Date.now() % 1000))
      for (const m of held) await (await getSendQueue().getJob(m.id))!.promote()
      for (const m of held) await waitSent(m.id)
      const after = await db.message.findMany({ where: { id: { in: held.map((m) => m.id) } } })
      expect(after.every((m) => m.quietUntil === null && m.error === null)).toBe(true)
      expect(await bulkProgress(shop.organization.id, bulk.batchId!)).toMatchObject({ waitingQuiet: 0, failed: 0, percent: 100 })
    } finally {
      clock = null
    }
  })
})

describe('bulk preview', { timeout: 60_000 }, () => {
  it('tells the finish time (quiet hours and queue included) and the exclusions, creates nothing, and is scoped to the organization', async () => {
    const shop = await createTenant()
    const other = await createTenant()
    await setSettings(shop.organization.id, { ...massSending, quietHours: { enabled: true } })
    const optedOut = await createClient(shop.organization.id, { name: 'Отписался' })
    await db.client.update({ where: { id: optedOut.id }, data: { optedOutAt: new Date(), optOutSource: 'message' } })
    const fine = await createClient(shop.organization.id, { name: 'Ок' })
    const messagesBefore = await db.message.count({ where: { organizationId: shop.organization.id } })
    const clientsBefore = await db.client.count({ where: { organizationId: shop.organization.id } })

    const preview = await shop.asAdmin().whatsapp.previewBulk({
      messages: [
        { clientId: optedOut.id, content: 'Акция' },
        { clientId: fine.id, content: 'Акция' },
        { to: '+996700450001', content: 'Акция' },
        // Another organization's client is unknown here: counted invalid, never looked into.
        { clientId: other.client.id, content: 'Акция' },
      ],
    })
    expect(preview).toMatchObject({ recipients: 4, sendable: 2, invalid: 1, excluded: 1, excludedCounts: { OPTED_OUT: 1 }, timeZone: 'Asia/Bishkek' })
    expect(preview.estimate.finishAt.getTime()).toBeGreaterThanOrEqual(Date.now() - 5_000)
    expect(preview.estimate.fitsToday).toBe(true)
    expect(await db.message.count({ where: { organizationId: shop.organization.id } })).toBe(messagesBefore)
    expect(await db.client.count({ where: { organizationId: shop.organization.id } })).toBe(clientsBefore)

    // Operators may not; the input is bounded.
    await expect(shop.asOperator().whatsapp.previewBulk({ messages: [{ clientId: fine.id, content: 'x' }] })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      shop.asAdmin().whatsapp.previewBulk({ messages: Array.from({ length: 101 }, () => ({ clientId: fine.id, content: 'x' })) }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })
})
