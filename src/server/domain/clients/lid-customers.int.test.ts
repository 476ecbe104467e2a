/**
 * Hidden numbers (@lid) end to end on PostgreSQL, Redis and the simulator: a LID customer becomes a
 * client with a LID and no phone; once WhatsApp tells the number (or we send to it), the LID client
 * and the phone client become one client with one conversation and every message; concurrent
 * messages make one client; organizations stay apart; malformed ids create nobody.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../db'
import { createTenant, type Tenant } from '../../testing/factories'
import { clientIdOf, connectPhone, startHarness, type Harness } from '../../testing/pipeline-harness'
import { waitFor } from '../../testing/wait-for'
import * as phone from '../../whatsapp/engines/simulator/simulator-control'
import { processIncoming } from '../messages/incoming-service'
import { findOrCreateClient } from './find-or-create-client'
import { linkClientIdentity } from './identity-resolution'

let harness: Harness

beforeAll(async () => {
  harness = await startHarness()
})

afterAll(async () => {
  await harness.stop()
})

/** A tenant of its own per scenario: identity lookups are limited to 5 a minute per organization. */
async function connectedTenant(): Promise<Tenant> {
  const tenant = await createTenant()
  await connectPhone(harness.manager, tenant.organization.id)
  return tenant
}

async function messagesOf(organizationId: string, clientId: string) {
  return db.message.findMany({
    where: { organizationId, conversation: { clientId } },
    orderBy: { createdAt: 'asc' },
    select: { content: true, conversationId: true },
  })
}

describe('hidden numbers (@lid)', () => {
  it('a LID message makes a client with the LID and no phone, and the reply goes to the LID chat', async () => {
    const shop = await connectedTenant()
    const org = shop.organization.id
    const sent = await phone.sendAsCustomer(clientIdOf(org), { from: '+996 700 400 001', name: 'Айгуль', body: 'Салам, баасы канча?', hidden: true })
    expect(sent.from).toMatch(/^\d{15}@lid$/)
    const client = await waitFor(() => db.client.findFirst({ where: { organizationId: org, lid: sent.from } }))
    expect(client).toMatchObject({ phone: null, lid: sent.from, whatsappId: sent.from })

    const conversation = await db.conversation.findFirstOrThrow({ where: { organizationId: org, clientId: client.id } })
    await shop.asOperator().whatsapp.send({ conversationId: conversation.id, content: 'Саламатсызбы!' })
    const out = await waitFor(async () => (await phone.getPhoneState(clientIdOf(org))).outbox.find((e) => e.body === 'Саламатсызбы!'))
    expect(out.to).toBe(sent.from)
  })

  it('a LID client later revealed to be a known phone client is merged: one client, one conversation, all messages, a history entry', async () => {
    const shop = await connectedTenant()
    const org = shop.organization.id
    const sim = clientIdOf(org)
    // Known by phone first: the operator wrote to them.
    await shop.asOperator().whatsapp.send({ to: '+996 700 400 002', content: 'Ваш заказ готов' })
    const known = await waitFor(() => db.client.findFirst({ where: { organizationId: org, phone: '+996700400002' } }))
    await waitFor(async () => (await db.message.findFirst({ where: { organizationId: org, content: 'Ваш заказ готов' } }))?.status !== 'PENDING')

    // Then they write with their number hidden: WhatsApp does not tell it yet, so a LID-only client appears.
    const first = await phone.sendAsCustomer(sim, { from: '+996700400002', body: 'Где забрать?', hidden: true })
    const lidClient = await waitFor(() => db.client.findFirst({ where: { organizationId: org, lid: first.from } }))
    expect(lidClient.id).not.toBe(known.id)
    expect(lidClient.phone).toBeNull()

    // WhatsApp reveals the number; their next message links the two.
    await phone.revealNumber(sim, '+996700400002')
    await phone.sendAsCustomer(sim, { from: '+996700400002', body: 'Я уже у входа', hidden: true })
    await waitFor(async () => (await db.client.count({ where: { organizationId: org, OR: [{ phone: '+996700400002' }, { lid: first.from }] } })) === 1)

    const merged = await db.client.findFirstOrThrow({ where: { organizationId: org, phone: '+996700400002' } })
    expect(merged.id).toBe(known.id)
    expect(merged.lid).toBe(first.from)
    const conversations = await db.conversation.findMany({ where: { organizationId: org, clientId: merged.id } })
    expect(conversations).toHaveLength(1)
    const messages = await waitFor(async () => {
      const list = await messagesOf(org, merged.id)
      return list.length === 3 ? list : null
    })
    expect(messages.map((m) => m.content).sort()).toEqual(['Ваш заказ готов', 'Где забрать?', 'Я уже у входа'].sort())
    expect(new Set(messages.map((m) => m.conversationId)).size).toBe(1)
    const lastAt = await db.message.aggregate({ where: { conversationId: conversations[0]!.id }, _max: { createdAt: true } })
    expect(conversations[0]!.lastMessageAt!.getTime()).toBeGreaterThanOrEqual(lastAt._max.createdAt!.getTime() - 1000)
    const events = await db.clientEvent.findMany({ where: { organizationId: org, clientId: merged.id } })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ type: 'MERGED', data: expect.objectContaining({ mergedClientId: lidClient.id, mergedLid: first.from }) })
    expect(await db.client.findUnique({ where: { id: lidClient.id } })).toBeNull()
  })

  it('the reverse order: a LID-only client, then a send to their phone reveals the LID and merges into the LID client', async () => {
    const shop = await connectedTenant()
    const org = shop.organization.id
    const sim = clientIdOf(org)
    const first = await phone.sendAsCustomer(sim, { from: '+996700400003', body: 'Есть доставка?', hidden: true })
    const lidClient = await waitFor(() => db.client.findFirst({ where: { organizationId: org, lid: first.from } }))

    // The operator writes to the number (imported, or typed): a phone client appears, the send tells WhatsApp's LID.
    const accepted = await shop.asOperator().whatsapp.send({ to: '+996700400003', content: 'Да, по городу бесплатно' })
    await waitFor(async () => (await db.client.count({ where: { organizationId: org, OR: [{ phone: '+996700400003' }, { lid: first.from }] } })) === 1)
    const merged = await db.client.findFirstOrThrow({ where: { organizationId: org, lid: first.from } })
    expect(merged).toMatchObject({ id: lidClient.id, phone: '+996700400003', whatsappId: first.from })
    const messages = await messagesOf(org, merged.id)
    expect(messages.map((m) => m.content).sort()).toEqual(['Да, по городу бесплатно', 'Есть доставка?'].sort())
    expect(await db.conversation.count({ where: { organizationId: org, clientId: merged.id } })).toBe(1)
    // The moved message keeps its delivery progress.
    await waitFor(async () => (await db.message.findUnique({ where: { id: accepted.messageId } }))?.status === 'READ')
    expect(await db.clientEvent.count({ where: { organizationId: org, clientId: merged.id, type: 'MERGED' } })).toBe(1)
  })

  it('two messages of a new LID customer at once make one client', async () => {
    const shop = await connectedTenant()
    const org = shop.organization.id
    const sim = clientIdOf(org)
    const [a] = await Promise.all([
      phone.sendAsCustomer(sim, { from: '+996700400004', body: 'первое', hidden: true }),
      phone.sendAsCustomer(sim, { from: '+996700400004', body: 'второе', hidden: true }),
    ])
    await waitFor(async () => (await db.message.count({ where: { organizationId: org, content: { in: ['первое', 'второе'] } } })) === 2)
    expect(await db.client.count({ where: { organizationId: org, lid: a.from } })).toBe(1)

    // The same race straight on the domain, wider, including a concurrent merge of the phone.
    const lid = '190000000000001@lid'
    const results = await Promise.all([
      ...Array.from({ length: 6 }, () => findOrCreateClient(org, { whatsappId: lid })),
      findOrCreateClient(org, { phone: '+996700400044' }),
    ])
    const lidIds = new Set(results.slice(0, 6).map((r) => r!.id))
    expect(lidIds.size).toBe(1)
    const [x, y] = await Promise.all([
      linkClientIdentity(org, [...lidIds][0]!, { lid, phone: '+996700400044' }),
      linkClientIdentity(org, results[6]!.id, { lid, phone: '+996700400044' }),
    ])
    expect(x?.clientId ?? y?.clientId).toBeTruthy()
    expect(await db.client.count({ where: { organizationId: org, OR: [{ lid }, { phone: '+996700400044' }] } })).toBe(1)
  })

  it('the same LID in two organizations makes two clients, and linking in one leaves the other alone', async () => {
    const a = await connectedTenant()
    const b = await connectedTenant()
    const sentA = await phone.sendAsCustomer(clientIdOf(a.organization.id), { from: '+996700400005', body: 'из A', hidden: true })
    const sentB = await phone.sendAsCustomer(clientIdOf(b.organization.id), { from: '+996700400005', body: 'из B', hidden: true })
    expect(sentA.from).toBe(sentB.from)
    const clientA = await waitFor(() => db.client.findFirst({ where: { organizationId: a.organization.id, lid: sentA.from } }))
    const clientB = await waitFor(() => db.client.findFirst({ where: { organizationId: b.organization.id, lid: sentB.from } }))
    expect(clientA.id).not.toBe(clientB.id)

    const phoneInB = await findOrCreateClient(b.organization.id, { phone: '+996700400005' })
    await linkClientIdentity(a.organization.id, clientA.id, { lid: sentA.from, phone: '+996700400005' })
    expect(await db.client.findUnique({ where: { id: clientB.id } })).toMatchObject({ phone: null, lid: sentB.from })
    expect(await db.client.findUnique({ where: { id: phoneInB!.id } })).not.toBeNull()
    expect(await db.client.findUnique({ where: { id: clientA.id } })).toMatchObject({ phone: '+996700400005' })
    // Another organization's client id is not found, let alone merged.
    expect(await linkClientIdentity(a.organization.id, clientB.id, { lid: sentB.from, phone: '+996700400005' })).toBeNull()
  })

  it('malformed identities are dropped: no client, no crash', async () => {
    const shop = await createTenant()
    const org = shop.organization.id
    for (const from of ['', '@lid', 'abc@lid', '123@lid@lid', '12345@weird', '@c.us', 'x@c.us', '123:4']) {
      const inbox = await db.incomingInbox.create({
        data: {
          organizationId: org,
          whatsappMessageId: `malformed-${from}-${Math.random()}`,
          payload: { id: 'm', from, to: '996555000001@c.us', body: 'hi', timestamp: 1, hasMedia: false, type: 'text' },
        },
        select: { id: true },
      })
      await expect(processIncoming(inbox.id)).resolves.toEqual({ status: 'ignored' })
    }
    expect(await db.client.count({ where: { organizationId: org } })).toBe(1) // the tenant's own client only
    expect(await findOrCreateClient(org, { whatsappId: 'abc@lid' })).toBeNull()
    expect(await linkClientIdentity(org, 'nobody', { lid: 'x@lid', phone: 'not a phone' })).toBeNull()
  })
})
