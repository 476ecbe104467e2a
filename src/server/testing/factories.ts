/**
 * Test data builders for integration tests. Every call makes fresh rows with unique ids, so test
 * files never depend on each other's data.
 */
import { randomUUID } from 'node:crypto'
import { db } from '../db'
import type { ClientStatus, UserRole } from '../db/generated/enums'
import type { SessionUser } from '../auth/session-user'
import { createServerCaller } from '../api/root'
import { recordCustomerMessage } from '../domain/conversations/read-state'

const unique = () => randomUUID().slice(0, 8)

/**
 * Tests run at any hour and link numbers on the spot: test organizations have quiet hours and warm-up
 * off (at night in Bishkek every bulk would wait for the morning; a just-linked number would be capped
 * at 20), unless a test turns them on (send-clock.int.test.ts).
 */
export const TEST_SEND_CLOCK_OFF = { quietHours: { enabled: false }, warmUp: { enabled: false } } as const

export async function createOrganization(name = `Org ${unique()}`) {
  return db.organization.create({ data: { name, settings: { whatsapp: TEST_SEND_CLOCK_OFF } }, select: { id: true, name: true } })
}

export async function createUser(organizationId: string, role: UserRole = 'ADMIN'): Promise<SessionUser> {
  const user = await db.user.create({
    data: {
      organizationId,
      role,
      email: `${role.toLowerCase()}-${unique()}@test.soul.kg`,
      name: `Test ${role}`,
      // Not a real hash: these users never sign in through the password form.
      passwordHash: 'scrypt$1$1$1$AA==$AA==',
    },
    select: { id: true, email: true, name: true, role: true, organizationId: true, locale: true },
  })
  return user
}

let phoneCounter = 0
export async function createClient(organizationId: string, data: { name?: string; status?: ClientStatus; language?: string } = {}) {
  phoneCounter += 1
  const phone = `+99655${String(Date.now() % 10000).padStart(4, '0')}${String(phoneCounter).padStart(3, '0')}`
  return db.client.create({
    data: {
      organizationId,
      phone,
      whatsappId: `${phone.slice(1)}@c.us`,
      name: data.name ?? `Client ${unique()}`,
      status: data.status ?? 'NEW_LEAD',
      preferredLanguage: data.language ?? 'ru',
    },
    select: { id: true, phone: true, name: true, whatsappId: true },
  })
}

export async function createConversation(organizationId: string, clientId: string, messages: string[] = ['Салам!']) {
  const conversation = await db.conversation.create({
    data: { organizationId, clientId, channel: 'WHATSAPP', lastMessageAt: new Date() },
    select: { id: true },
  })
  const created = []
  for (const [i, content] of messages.entries()) {
    created.push(
      await db.message.create({
        data: {
          organizationId,
          conversationId: conversation.id,
          content,
          direction: 'INCOMING',
          sender: 'CLIENT',
          status: 'PENDING',
          whatsappMessageId: `test_${unique()}_${i}`,
          createdAt: new Date(Date.now() - (messages.length - i) * 1000),
        },
        select: { id: true },
      }),
    )
  }
  // The customer's messages count as the pipeline counts them: unread, and waiting for a reply (read-state.ts).
  for (const [i] of messages.entries()) await recordCustomerMessage(conversation.id, new Date(Date.now() - (messages.length - i) * 1000))
  return { ...conversation, messageIds: created.map((m) => m.id) }
}

/** An organization with an admin, an operator, a client, a conversation and a quick reply. */
export async function createTenant() {
  const organization = await createOrganization()
  const admin = await createUser(organization.id, 'ADMIN')
  const operator = await createUser(organization.id, 'OPERATOR')
  const client = await createClient(organization.id)
  const conversation = await createConversation(organization.id, client.id, ['Здравствуйте', 'Сколько стоит?'])
  const batch = await db.bulkBatch.create({ data: { organizationId: organization.id, sender: 'HUMAN', total: 0 }, select: { id: true } })
  const importJob = await db.importJob.create({ data: { organizationId: organization.id, kind: 'HISTORY', status: 'RUNNING' }, select: { id: true } })
  const quickReply = await db.quickReply.create({
    data: { organizationId: organization.id, shortcut: 'price', text: '{name}, цена 1000 сом', language: 'ru' },
    select: { id: true },
  })
  return {
    batchId: batch.id,
    importJobId: importJob.id,
    quickReplyId: quickReply.id,
    organization,
    admin,
    operator,
    client,
    conversation,
    asAdmin: () => createServerCaller(admin, 'test'),
    asOperator: () => createServerCaller(operator, 'test'),
  }
}

export type Tenant = Awaited<ReturnType<typeof createTenant>>
