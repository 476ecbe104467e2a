/**
 * Number safety against PostgreSQL, Redis and the simulator: opt-outs in ru/ky/en exclude a client
 * from bulk and agent sends while an operator may still answer; a queued bulk message to a client who
 * opts out afterwards ends SKIPPED, never sent; the same bulk text within 24 h is skipped and counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendMessageForAgent } from '../../agents/agent-api'
import { db } from '../../db'
import { createTenant, type Tenant } from '../../testing/factories'
import { clientIdOf, connectPhone, setSettings, startHarness, type Harness } from '../../testing/pipeline-harness'
import { waitFor } from '../../testing/wait-for'
import * as phone from '../../whatsapp/engines/simulator/simulator-control'
import { bulkProgress } from '../messages/message-events'
import { acceptIncoming } from '../messages/incoming-service'
import { createAndQueue } from '../messages/send-service'
import { bulkContentHash } from './content-hash'

let harness: Harness
let shop: Tenant

const massSending = {
  safety: { enableMassSending: true, requireConfirmation: false, maxBatchSize: 100 },
  rateLimiting: { messagesPerMinute: 20, messagesPerHour: 300, messagesPerDay: 2000 },
}
/** Sends are paced (a few seconds apart): waiting for one to leave allows for a few in front of it. */
const SEND_WAIT_MS = 30_000

beforeAll(async () => {
  harness = await startHarness()
  shop = await createTenant()
  await setSettings(shop.organization.id, massSending)
  await connectPhone(harness.manager, shop.organization.id)
})

afterAll(async () => {
  await harness.stop()
})

const statusOf = async (id: string) => (await db.message.findUnique({ where: { id }, select: { status: true } }))?.status
const waitSent = (id: string) => waitFor(async () => ['SENT', 'DELIVERED', 'READ'].includes((await statusOf(id)) ?? ''), SEND_WAIT_MS)

async function customerWrites(from: string, body: string) {
  await phone.sendAsCustomer(clientIdOf(shop.organization.id), { from, body })
  // The first message through a fresh harness can take several seconds on a loaded machine (5 s ran out at load 13).
  return waitFor(() => db.client.findFirst({ where: { organizationId: shop.organization.id, phone: from.replace(/[^\d+]/g, '') } }), 20_000)
}

describe('opt-outs', { timeout: 60_000 }, () => {
  it.each([
    ['ru', '+996700800001', 'Больше не пишите мне!'],
    ['ky', '+996700800002', 'мага башка жазбаңыз'],
    ['en', '+996700800003', 'STOP!!!'],
  ])('%s: "%s" excludes the client from bulk and agent sends; an operator reply still goes', async (language, from, body) => {
    const client = await customerWrites(from, body)
    const optedOut = await waitFor(() => db.client.findFirst({ where: { id: client.id, optedOutAt: { not: null } } }))
    expect(optedOut.optOutSource).toBe('message')
    const event = await db.clientEvent.findFirstOrThrow({ where: { clientId: client.id, type: 'OPTED_OUT' } })
    expect(event.data).toMatchObject({ language })

    // Bulk: the opted-out client is counted as excluded and gets no message; another client is queued.
    const other = await customerWrites(`${from.slice(0, -1)}9`, 'Салам, баасы канча?')
    const bulk = await shop.asAdmin().whatsapp.sendBulk({
      messages: [
        { clientId: client.id, content: `Акция ${language}: скидка 10%` },
        { clientId: other.id, content: `Акция ${language}: скидка 10%!` },
      ],
    })
    expect(bulk).toMatchObject({ queued: 1, excludedCounts: { OPTED_OUT: 1 }, excluded: [{ index: 0, reason: 'OPTED_OUT' }] })
    const conversation = await db.conversation.findFirstOrThrow({ where: { clientId: client.id } })
    expect(await db.message.count({ where: { conversationId: conversation.id, batchId: { not: null } } })).toBe(0)
    expect(await bulkProgress(shop.organization.id, bulk.batchId!)).toMatchObject({ total: 1, excluded: 1, reasons: { OPTED_OUT: 1 } })

    // An agent may not write to them.
    await expect(sendMessageForAgent(shop.organization.id, null, 'Здравствуйте! У нас новинки', conversation.id, 'FOLLOW_UP')).rejects.toMatchObject({
      cause: { messageKey: 'clientOptedOut' },
    })

    // A person may answer them.
    const reply = await shop.asOperator().whatsapp.send({ conversationId: conversation.id, content: 'Хорошо, больше не будем писать.' })
    await waitSent(reply.messageId)
  })

  it('an ordinary message does not opt a client out', async () => {
    const client = await customerWrites('+996700800011', 'стоп, а сколько стоит доставка до Оша?')
    await waitFor(() => db.message.findFirst({ where: { conversation: { clientId: client.id }, direction: 'INCOMING' } }))
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).optedOutAt).toBeNull()
  })

  it('an admin clears an opt-out, recorded; an operator may not', async () => {
    const client = await customerWrites('+996700800021', 'отпишите')
    await waitFor(() => db.client.findFirst({ where: { id: client.id, optedOutAt: { not: null } } }))
    await expect(shop.asOperator().clients.clearOptOut({ clientId: client.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await shop.asAdmin().clients.clearOptOut({ clientId: client.id, reason: 'asked to receive offers again' })
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).optedOutAt).toBeNull()
    const cleared = await db.clientEvent.findFirstOrThrow({ where: { clientId: client.id, type: 'OPT_OUT_CLEARED' } })
    expect(cleared.data).toMatchObject({ by: shop.admin.id, reason: 'asked to receive offers again' })
    const bulk = await shop.asAdmin().whatsapp.sendBulk({ messages: [{ clientId: client.id, content: 'Снова пишем вам' }] })
    expect(bulk).toMatchObject({ queued: 1, excludedCounts: {} })
  })
})

describe('a queued bulk message to a client who opts out afterwards', () => {
  it('ends SKIPPED (OPTED_OUT): never sent, not failed', async () => {
    // An organization whose phone is not connected: its queued messages wait, so nothing can be sent
    // before the opt-out arrives, and the send worker looks at them again every few seconds.
    const offline = await createTenant()
    await setSettings(offline.organization.id, massSending)
    const bulk = await offline.asAdmin().whatsapp.sendBulk({ messages: [{ to: '+996700800031', content: 'Скидки недели' }] })
    const message = await db.message.findFirstOrThrow({ where: { batchId: bulk.batchId! } })
    await waitFor(async () => (await db.message.findUnique({ where: { id: message.id } }))?.queuedAt)
    await acceptIncoming(offline.organization.id, {
      id: 'false_996700800031@c.us_OPTOUT1',
      from: '996700800031@c.us',
      to: 'me@c.us',
      body: 'Стоп',
      timestamp: Math.floor(Date.now() / 1000),
      hasMedia: false,
      type: 'text',
    })
    const skipped = await waitFor(() => db.message.findFirst({ where: { id: message.id, status: 'SKIPPED' } }), 20_000)
    expect(skipped).toMatchObject({ skipReason: 'OPTED_OUT', whatsappMessageId: null, sentAt: null })
    expect(await bulkProgress(offline.organization.id, bulk.batchId!)).toMatchObject({ total: 1, pending: 0, failed: 0, excluded: 1, percent: 100 })
  })
})

describe('not on WhatsApp', { timeout: 60_000 }, () => {
  it('a bulk message to a number without WhatsApp ends SKIPPED (excluded, not failed), and the next bulk leaves the client out', async () => {
    // The simulator plays "not on WhatsApp" for numbers ending in 0000.
    const first = await shop.asAdmin().whatsapp.sendBulk({ messages: [{ to: '+996700550000', content: 'Новинки недели' }] })
    const message = await db.message.findFirstOrThrow({ where: { batchId: first.batchId! } })
    const skipped = await waitFor(() => db.message.findFirst({ where: { id: message.id, status: { not: 'PENDING' } } }), SEND_WAIT_MS)
    expect(skipped).toMatchObject({ status: 'SKIPPED', skipReason: 'NOT_ON_WHATSAPP' })
    expect(await bulkProgress(shop.organization.id, first.batchId!)).toMatchObject({ failed: 0, excluded: 1, reasons: { NOT_ON_WHATSAPP: 1 }, percent: 100 })
    const next = await shop.asAdmin().whatsapp.sendBulk({ messages: [{ to: '+996700550000', content: 'Скидки на выходные' }] })
    expect(next).toMatchObject({ queued: 0, batchId: null, excludedCounts: { NOT_ON_WHATSAPP: 1 } })
  })
})

describe('repeat protection', { timeout: 60_000 }, () => {
  it('the same bulk text to the same client within 24 h is skipped and counted; another text goes', async () => {
    const a = await customerWrites('+996700800041', 'Здравствуйте')
    const b = await customerWrites('+996700800042', 'Салам')
    const text = (name: string) => `${name}, только сегодня скидка 20% на всё!`
    const first = await shop.asAdmin().whatsapp.sendBulk({ messages: [{ clientId: a.id, content: text('Айгуль') }] })
    expect(first).toMatchObject({ queued: 1, excludedCounts: {} })
    const firstMessage = await db.message.findFirstOrThrow({ where: { batchId: first.batchId! } })
    await waitSent(firstMessage.id)

    // Same final text (spacing and case aside) to A again: skipped; B gets it; a different text to A goes.
    const second = await shop.asAdmin().whatsapp.sendBulk({
      messages: [
        { clientId: a.id, content: `  ${text('АЙГУЛЬ')} ` },
        { clientId: b.id, content: text('Азамат') },
        { clientId: a.id, content: 'Айгуль, новая коллекция уже в магазине' },
      ],
    })
    expect(second).toMatchObject({ queued: 2, excludedCounts: { REPEAT: 1 }, excluded: [{ index: 0, reason: 'REPEAT' }] })
    expect(await bulkProgress(shop.organization.id, second.batchId!)).toMatchObject({ total: 2, skipped: 1, reasons: { REPEAT: 1 } })

    // The same client twice in one request: the second is a repeat.
    const twice = await shop.asAdmin().whatsapp.sendBulk({
      messages: [
        { clientId: b.id, content: 'Ждём вас в субботу' },
        { clientId: b.id, content: 'Ждём вас в субботу' },
      ],
    })
    expect(twice).toMatchObject({ queued: 1, excludedCounts: { REPEAT: 1 } })
  })

  it('a repeat that slipped into the queue is skipped by the send worker', async () => {
    const client = await customerWrites('+996700800051', 'Добрый день')
    const conversation = await db.conversation.findFirstOrThrow({ where: { clientId: client.id } })
    const content = 'Распродажа до воскресенья'
    const first = await shop.asAdmin().whatsapp.sendBulk({ messages: [{ clientId: client.id, content }] })
    const firstMessage = await db.message.findFirstOrThrow({ where: { batchId: first.batchId! } })
    await waitSent(firstMessage.id)
    // Queued around the creation check (as a second server racing the first could): the worker's guard stops it.
    const batch = await db.bulkBatch.create({ data: { organizationId: shop.organization.id, sender: 'HUMAN', total: 1 }, select: { id: true } })
    const slipped = await createAndQueue(
      { organizationId: shop.organization.id, content, sender: 'HUMAN', senderId: null, batchId: batch.id, contentHash: bulkContentHash(content) },
      conversation.id,
    )
    const skipped = await waitFor(() => db.message.findFirst({ where: { id: slipped.id, status: 'SKIPPED' } }), SEND_WAIT_MS)
    expect(skipped).toMatchObject({ skipReason: 'REPEAT', whatsappMessageId: null })
    expect(await bulkProgress(shop.organization.id, batch.id)).toMatchObject({ skipped: 1, percent: 100 })
  })
})
