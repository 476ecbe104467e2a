/**
 * The conversation list's preview is the thread's newest message, even when WhatsApp stamped two
 * messages with the same second (it stamps to the second: a customer's quick "и сколько стоит?" after
 * "здравствуйте" often shares it). Both order by (createdAt, id); before, the preview ordered by
 * createdAt alone, and PostgreSQL returned tied rows in the order they lay on disk: the older text first.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { db } from '../../db'
import { createServerCaller } from '../../api/root'
import { createClient, createTenant, type Tenant } from '../../testing/factories'

let shop: Tenant

beforeAll(async () => {
  shop = await createTenant()
})

afterAll(async () => {
  await db.message.deleteMany({ where: { organizationId: shop.organization.id } })
})

it('of two messages stamped in the same second, the list previews the one the thread shows last', async () => {
  const organizationId = shop.organization.id
  const client = await createClient(organizationId)
  const second = new Date(Math.floor(Date.now() / 1000) * 1000)
  const conversation = await db.conversation.create({
    data: { organizationId, clientId: client.id, channel: 'WHATSAPP', lastMessageAt: second },
    select: { id: true },
  })
  const stamp = Math.random().toString(36).slice(2, 10)
  // Written in the order they arrived: the older first. A tie in createdAt used to come back in the
  // order the rows lie on disk, which put the older one first.
  for (const [id, content] of [
    [`cz${stamp}1`, 'Здравствуйте, есть доставка?'],
    [`cz${stamp}2`, 'И сколько стоит?'],
  ] as const) {
    await db.message.create({
      data: { id, organizationId, conversationId: conversation.id, content, direction: 'INCOMING', sender: 'CLIENT', status: 'PENDING', createdAt: second },
    })
  }
  const caller = createServerCaller(shop.operator, 'test')
  const thread = await caller.conversations.messages({ conversationId: conversation.id })
  expect(thread.items.map((m) => m.content)).toEqual(['Здравствуйте, есть доставка?', 'И сколько стоит?'])
  const list = await caller.conversations.list({ page: 1 })
  const row = list.items.find((item) => item.id === conversation.id)
  expect(row?.lastMessage?.content).toBe('И сколько стоит?')
})
