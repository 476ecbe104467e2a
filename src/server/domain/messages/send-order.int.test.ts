/**
 * Per-conversation order of sends (conversation-order.ts) against PostgreSQL, Redis and the simulator,
 * read from the simulated phone's outbox (the order messages actually left): under a tight pacing limit
 * where most jobs miss their slot, across a failed attempt, with a higher-priority message, and across a
 * worker restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../db'
import { startPipeline } from '../../messaging-pipeline'
import { createTenant, type Tenant } from '../../testing/factories'
import { clientIdOf, connectPhone, setSettings, startHarness, type Harness } from '../../testing/pipeline-harness'
import { waitFor } from '../../testing/wait-for'
import * as phone from '../../whatsapp/engines/simulator/simulator-control'
import { acceptOutgoing, createAndQueue, resolveConversation } from './send-service'

let harness: Harness

beforeAll(async () => {
  harness = await startHarness()
})

afterAll(async () => {
  await harness.stop()
})

/** The fastest allowed pace (a send every 3–3.75 s): a burst queued at once mostly misses its slot. */
const TIGHT = { rateLimiting: { messagesPerMinute: 20, messagesPerHour: 300, messagesPerDay: 2000, concurrency: 5 } }

const chatOf = (phoneNumber: string) => `${phoneNumber.replace(/\D/g, '')}@c.us`

/** The bodies each chat received, oldest first, from the simulated phone's outbox. */
async function bodiesByChat(organizationId: string): Promise<Map<string, string[]>> {
  const { outbox } = await phone.getPhoneState(clientIdOf(organizationId))
  const byChat = new Map<string, string[]>()
  for (const entry of [...outbox].reverse()) byChat.set(entry.to, [...(byChat.get(entry.to) ?? []), entry.body])
  return byChat
}

async function waitAllLeft(organizationId: string, count: number, timeoutMs: number) {
  await waitFor(async () => (await phone.getPhoneState(clientIdOf(organizationId))).outbox.length >= count, timeoutMs, 100)
}

/** How many conversations received their messages in another order than accepted. */
function outOfOrder(expected: Map<string, string[]>, actual: Map<string, string[]>): string[] {
  return [...expected].filter(([chat, bodies]) => JSON.stringify(actual.get(chat) ?? []) !== JSON.stringify(bodies)).map(([chat]) => chat)
}

async function sendRoundRobin(tenant: Tenant, conversations: number, perConversation: number, prefix: string) {
  const expected = new Map<string, string[]>()
  for (let n = 0; n < perConversation; n++) {
    for (let c = 0; c < conversations; c++) {
      const to = `+99670${prefix}${String(c).padStart(3, '0')}01`
      const content = `${prefix}-c${c}-m${n}`
      // Past the quota check (at most 20 a minute may be accepted): the burst is what tests the order.
      const request = { organizationId: tenant.organization.id, to, content, sender: 'HUMAN' as const, senderId: tenant.operator.id }
      await createAndQueue(request, await resolveConversation(request))
      expected.set(chatOf(to), [...(expected.get(chatOf(to)) ?? []), content])
    }
  }
  return expected
}

describe('order of sends within a conversation', () => {
  it('20 replies across 10 conversations under tight pacing leave in acceptance order', async () => {
    const tenant = await createTenant()
    await setSettings(tenant.organization.id, TIGHT)
    await connectPhone(harness.manager, tenant.organization.id)
    const expected = await sendRoundRobin(tenant, 10, 2, '12')
    await waitAllLeft(tenant.organization.id, 20, 100_000)
    const actual = await bodiesByChat(tenant.organization.id)
    expect(outOfOrder(expected, actual)).toEqual([])
    expect([...actual.values()].flat()).toHaveLength(20)
  }, 120_000)

  it('a first message that fails once is not overtaken by the second', async () => {
    const tenant = await createTenant()
    await setSettings(tenant.organization.id, TIGHT)
    await connectPhone(harness.manager, tenant.organization.id)
    await phone.failNextSends(clientIdOf(tenant.organization.id), 1)
    const to = '+996701300001'
    const first = await tenant.asOperator().whatsapp.send({ to, content: 'Сейчас уточню цену' })
    await tenant.asOperator().whatsapp.send({ to, content: 'Да, 1 200 сом' })
    await waitAllLeft(tenant.organization.id, 2, 20_000)
    expect((await bodiesByChat(tenant.organization.id)).get(chatOf(to))).toEqual(['Сейчас уточню цену', 'Да, 1 200 сом'])
    // The failure hit the first message (its retry sent it), and the second waited for it.
    expect(await db.message.findUniqueOrThrow({ where: { id: first.messageId } })).toMatchObject({ attempts: 2 })
  }, 30_000)

  it('a higher-priority message overtakes waiting normal ones to the same client; the normal ones keep their order', async () => {
    const tenant = await createTenant()
    await setSettings(tenant.organization.id, TIGHT)
    const to = '+996701400001'
    // Accepted while the phone is not connected, so all four wait in the queue together.
    for (const content of ['обычное 1', 'обычное 2', 'обычное 3']) await tenant.asOperator().whatsapp.send({ to, content })
    await acceptOutgoing({
      organizationId: tenant.organization.id,
      to,
      content: 'срочно',
      sender: 'HUMAN',
      senderId: tenant.operator.id,
      priority: 10,
    })
    await connectPhone(harness.manager, tenant.organization.id)
    await waitAllLeft(tenant.organization.id, 4, 30_000)
    expect((await bodiesByChat(tenant.organization.id)).get(chatOf(to))).toEqual(['срочно', 'обычное 1', 'обычное 2', 'обычное 3'])
  }, 40_000)

  it('a bulk message scheduled for later does not hold back a reply to the same client', async () => {
    const tenant = await createTenant()
    await setSettings(tenant.organization.id, TIGHT)
    await connectPhone(harness.manager, tenant.organization.id)
    const to = '+996701600001'
    const batch = await db.bulkBatch.create({ data: { organizationId: tenant.organization.id, sender: 'HUMAN', total: 1 }, select: { id: true } })
    const request = { organizationId: tenant.organization.id, to, sender: 'HUMAN' as const, senderId: tenant.operator.id }
    const conversationId = await resolveConversation(request)
    // A batch staggers its sends by scheduled delays; this one is due in a minute.
    const bulk = await createAndQueue({ ...request, content: 'акция', batchId: batch.id, delayMs: 60_000 }, conversationId)
    await acceptOutgoing({ ...request, content: 'ответ на вопрос' })
    await waitAllLeft(tenant.organization.id, 1, 10_000)
    expect((await bodiesByChat(tenant.organization.id)).get(chatOf(to))).toEqual(['ответ на вопрос'])
    expect(await db.message.findUniqueOrThrow({ where: { id: bulk.id } })).toMatchObject({ status: 'PENDING' })
  }, 20_000)

  it('keeps the order across a restart of the send worker mid-way', async () => {
    const tenant = await createTenant()
    await setSettings(tenant.organization.id, TIGHT)
    await connectPhone(harness.manager, tenant.organization.id)
    const expected = await sendRoundRobin(tenant, 4, 2, '15')
    await waitAllLeft(tenant.organization.id, 3, 20_000)
    await harness.pipeline.stopWorkers()
    const replacement = startPipeline({ sessionManager: harness.manager, relayIntervalMs: 500 })
    try {
      await waitAllLeft(tenant.organization.id, 8, 40_000)
    } finally {
      await replacement.stopWorkers()
    }
    const actual = await bodiesByChat(tenant.organization.id)
    expect(outOfOrder(expected, actual)).toEqual([])
    expect([...actual.values()].flat()).toHaveLength(8)
  }, 60_000)
})
