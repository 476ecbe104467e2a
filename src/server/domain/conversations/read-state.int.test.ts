/**
 * Issue 13 point 1 through the whole pipeline (PostgreSQL + Redis + the simulator): unread counts kept
 * as customer messages are stored, opening a conversation reads it for the organization and on WhatsApp
 * (the engine's sendSeen, only while the organization sends read receipts), "waiting for reply" and its
 * thresholds, and another organization can neither read nor see any of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../db'
import { createClient, createConversation, createTenant, type Tenant } from '../../testing/factories'
import { clientIdOf, connectPhone, startHarness, type Harness } from '../../testing/pipeline-harness'
import { waitFor } from '../../testing/wait-for'
import { createSimulatorEngineFactory } from '../../whatsapp/engines/simulator'
import * as phone from '../../whatsapp/engines/simulator/simulator-control'
import { WhatsAppSessionManager } from '../../whatsapp/session-manager'
import { inboxCounts, markConversationRead, mergeReadStates, recordCustomerMessage, recordReply } from './read-state'

let harness: Harness
let shop: Tenant
let other: Tenant
let numberCounter = 0

beforeAll(async () => {
  harness = await startHarness()
  shop = await createTenant()
  other = await createTenant()
  await connectPhone(harness.manager, shop.organization.id)
})

afterAll(async () => {
  await harness.stop()
})

const org = () => shop.organization.id
const newCustomer = () => `+99670${String(Date.now() % 10000).padStart(4, '0')}${String(++numberCounter).padStart(3, '0')}`

/** A customer writes from the simulated phone; resolves with the stored message's conversation and time. */
async function customerWrites(from: string, body: string) {
  const sent = await phone.sendAsCustomer(clientIdOf(org()), { from, body })
  const row = await waitFor(() =>
    db.message.findFirst({ where: { organizationId: org(), whatsappMessageId: sent.id }, select: { conversationId: true, createdAt: true } }),
  )
  return { ...row, whatsappMessageId: sent.id }
}

const conversationState = (id: string) =>
  db.conversation.findUniqueOrThrow({
    where: { id },
    select: { unreadCount: true, waitingSince: true, lastReadAt: true, lastReadById: true, lastReplyAt: true },
  })

/** What the simulated phone shows of a customer's message: read by the business (blue ticks) or not. */
async function seenOnPhone(whatsappMessageId: string) {
  const state = await phone.getPhoneState(clientIdOf(org()))
  return state.recent.find((m) => m.id === whatsappMessageId)?.seen
}

async function setReadReceipts(on: boolean) {
  await shop.asAdmin().whatsapp.settings.update({ inbox: { sendReadReceipts: on } })
}

describe('unread counts and read receipts', () => {
  it('counts each customer message until an operator opens the conversation, then marks the chat read on WhatsApp', async () => {
    await setReadReceipts(true)
    const from = newCustomer()
    const first = await customerWrites(from, 'Здравствуйте')
    const second = await customerWrites(from, 'Есть доставка?')
    expect(second.conversationId).toBe(first.conversationId)
    expect((await conversationState(first.conversationId)).unreadCount).toBe(2)
    expect(await seenOnPhone(second.whatsappMessageId)).toBe(false)

    const listed = await shop.asOperator().conversations.list({})
    expect(listed.items.find((c) => c.id === first.conversationId)?.unreadCount).toBe(2)

    const result = await shop.asOperator().conversations.markRead({ conversationId: first.conversationId })
    expect(result).toMatchObject({ unreadCount: 0, wasUnread: 2, readReceipt: true })
    const state = await conversationState(first.conversationId)
    expect(state).toMatchObject({ unreadCount: 0, lastReadById: shop.operator.id })
    expect(state.lastReadAt).not.toBeNull()
    // The engine got sendSeen for the customer's chat: the phone shows both messages read.
    await waitFor(async () => (await seenOnPhone(second.whatsappMessageId)) === true)
    expect(await seenOnPhone(first.whatsappMessageId)).toBe(true)

    // A new message after reading counts from zero again.
    const third = await customerWrites(from, 'Алло?')
    expect((await conversationState(third.conversationId)).unreadCount).toBe(1)
    expect(await seenOnPhone(third.whatsappMessageId)).toBe(false)
  })

  it('sends no read receipt when the admin turned read receipts off, and none when nothing was unread', async () => {
    await setReadReceipts(false)
    try {
      const message = await customerWrites(newCustomer(), 'Салам')
      const result = await shop.asOperator().conversations.markRead({ conversationId: message.conversationId })
      expect(result).toMatchObject({ wasUnread: 1, readReceipt: false })
      expect((await conversationState(message.conversationId)).unreadCount).toBe(0)
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(await seenOnPhone(message.whatsappMessageId)).toBe(false)
    } finally {
      await setReadReceipts(true)
    }
    const message = await customerWrites(newCustomer(), 'Привет')
    await shop.asOperator().conversations.markRead({ conversationId: message.conversationId })
    await waitFor(async () => (await seenOnPhone(message.whatsappMessageId)) === true)
    // Opening it again with nothing unread asks WhatsApp nothing.
    expect(await shop.asOperator().conversations.markRead({ conversationId: message.conversationId })).toMatchObject({ wasUnread: 0, readReceipt: false })
  })

  it('asks the engine for sendSeen exactly when the setting is on and something was unread', async () => {
    const client = await createClient(org())
    const conversation = await createConversation(org(), client.id, [])
    const calls: string[] = []
    const deps = { sendSeen: async (_org: string, chatId: string) => void calls.push(chatId) }
    await recordCustomerMessage(conversation.id, new Date())
    await setReadReceipts(false)
    await markConversationRead(org(), conversation.id, shop.operator, deps)
    expect(calls).toEqual([])
    await setReadReceipts(true)
    await recordCustomerMessage(conversation.id, new Date())
    await markConversationRead(org(), conversation.id, shop.operator, deps)
    expect(calls).toEqual([client.whatsappId])
    await markConversationRead(org(), conversation.id, shop.operator, deps)
    expect(calls).toHaveLength(1)
  })

  it('reaches the session in whichever process runs it (another server process tells the owner over Redis)', async () => {
    const message = await customerWrites(newCustomer(), 'Кто-нибудь?')
    const chatId = (await db.conversation.findUniqueOrThrow({ where: { id: message.conversationId }, select: { client: { select: { whatsappId: true } } } }))
      .client.whatsappId!
    const elsewhere = new WhatsAppSessionManager({
      engineFactory: createSimulatorEngineFactory({ startupMs: 0 }),
      instanceId: 'another-process',
      tickMs: 60_000,
    })
    expect(elsewhere.hasLocalSession(org())).toBe(false)
    await markConversationRead(org(), message.conversationId, shop.operator, { sendSeen: (o, chat) => elsewhere.sendSeen(o, chat) })
    expect(chatId).toMatch(/@c\.us$/)
    await waitFor(async () => (await seenOnPhone(message.whatsappMessageId)) === true)
  })

  it('a failing read receipt still reads the conversation (WhatsApp down is not the operator’s error)', async () => {
    const message = await customerWrites(newCustomer(), 'Ау')
    const result = await markConversationRead(org(), message.conversationId, shop.operator, {
      sendSeen: () => Promise.reject(new Error('not connected')),
    })
    expect(result).toMatchObject({ wasUnread: 1, readReceipt: true })
    expect((await conversationState(message.conversationId)).unreadCount).toBe(0)
  })

  it('counts concurrent customer messages without losing one', async () => {
    const client = await createClient(org())
    const conversation = await createConversation(org(), client.id, [])
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordCustomerMessage(conversation.id, new Date(Date.now() - i * 1000))))
    const state = await conversationState(conversation.id)
    expect(state.unreadCount).toBe(20)
    // Waiting since the oldest of them, whatever order they were stored in.
    expect(Date.now() - state.waitingSince!.getTime()).toBeGreaterThanOrEqual(19_000)
  })

  it('another organization can neither mark a conversation read nor see its counts', async () => {
    const message = await customerWrites(newCustomer(), 'Чужой не увидит')
    await expect(other.asOperator().conversations.markRead({ conversationId: message.conversationId })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(other.asAdmin().conversations.markRead({ conversationId: message.conversationId, organizationId: org() })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(other.asAdmin().conversations.inboxCounts({ organizationId: org() })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      markConversationRead(other.organization.id, message.conversationId, other.operator, { sendSeen: async () => undefined }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    expect((await conversationState(message.conversationId)).unreadCount).toBe(1)
    expect(await seenOnPhone(message.whatsappMessageId)).toBe(false)
    // The other organization's figures hold nothing of ours: only its own waiting conversation.
    expect(await other.asOperator().conversations.inboxCounts()).toMatchObject({ waiting: 1, unread: 1 })
    const theirs = await other.asOperator().conversations.list({ view: 'WAITING' })
    expect(theirs.items.map((c) => c.id)).toEqual([other.conversation.id])
  })
})

describe('waiting for reply', () => {
  it('starts with the customer’s first unanswered message and ends with our reply; the operator’s reply reads it', async () => {
    const from = newCustomer()
    const first = await customerWrites(from, 'Здравствуйте, вопрос')
    await customerWrites(from, 'Ещё вопрос')
    const waiting = await conversationState(first.conversationId)
    expect(waiting.waitingSince?.getTime()).toBe(first.createdAt.getTime())

    const listed = await shop.asOperator().conversations.list({ view: 'WAITING', pageSize: 100 })
    expect(listed.items.map((c) => c.id)).toContain(first.conversationId)
    expect(listed.items.find((c) => c.id === first.conversationId)?.waitingSince?.getTime()).toBe(first.createdAt.getTime())
    // The longest-waiting first.
    const times = listed.items.map((c) => c.waitingSince!.getTime())
    expect(times).toEqual([...times].sort((a, b) => a - b))

    await shop.asOperator().whatsapp.send({ conversationId: first.conversationId, content: 'Добрый день! Слушаю' })
    const answered = await conversationState(first.conversationId)
    expect(answered.waitingSince).toBeNull()
    expect(answered.unreadCount).toBe(0)
    expect(answered.lastReadById).toBe(shop.operator.id)
    expect((await shop.asOperator().conversations.list({ view: 'WAITING', pageSize: 100 })).items.map((c) => c.id)).not.toContain(first.conversationId)

    // The customer writes again: waiting again, from that message.
    const again = await customerWrites(from, 'Спасибо, а цена?')
    expect((await conversationState(again.conversationId)).waitingSince?.getTime()).toBe(again.createdAt.getTime())
  })

  it('a reply typed on the business phone ends the wait and reads the conversation', async () => {
    const from = newCustomer()
    const message = await customerWrites(from, 'Вы тут?')
    await phone.replyFromPhone(clientIdOf(org()), { to: from, body: 'Да, тут' })
    await waitFor(async () => (await conversationState(message.conversationId)).waitingSince === null)
    expect((await conversationState(message.conversationId)).unreadCount).toBe(0)
  })

  it('a bulk message does not answer a waiting customer; an old customer message from before our reply does not start a wait', async () => {
    const client = await createClient(org())
    const conversation = await createConversation(org(), client.id, [])
    const asked = new Date(Date.now() - 60_000)
    await recordCustomerMessage(conversation.id, asked)
    await shop.asAdmin().whatsapp.settings.update({ safety: { enableMassSending: true } })
    await shop.asAdmin().whatsapp.sendBulk({ messages: [{ conversationId: conversation.id, content: 'Скидки всем!' }] })
    expect((await conversationState(conversation.id)).waitingSince?.getTime()).toBe(asked.getTime())

    await recordReply(conversation.id, new Date(), { byPerson: false })
    expect((await conversationState(conversation.id)).waitingSince).toBeNull()
    // History arriving late: written before our reply, so the customer is not waiting.
    await recordCustomerMessage(conversation.id, new Date(Date.now() - 30_000))
    const state = await conversationState(conversation.id)
    expect(state.waitingSince).toBeNull()
    expect(state.unreadCount).toBe(2)
  })

  it('the navigation counts waiting conversations of the organization, with the admin’s thresholds', async () => {
    const fresh = await createTenant()
    // The tenant's own conversation: two customer messages, unanswered.
    expect(await fresh.asOperator().conversations.inboxCounts()).toEqual({ waiting: 1, unread: 1, amberMinutes: 5, redMinutes: 30 })
    const a = await createConversation(fresh.organization.id, (await createClient(fresh.organization.id)).id, [])
    const b = await createConversation(fresh.organization.id, (await createClient(fresh.organization.id)).id, [])
    await recordCustomerMessage(a.id, new Date())
    await recordCustomerMessage(b.id, new Date())
    await recordReply(b.id, new Date(Date.now() + 1000), { byPerson: false })
    expect(await fresh.asOperator().conversations.inboxCounts()).toMatchObject({ waiting: 2, unread: 3 })

    await fresh.asAdmin().whatsapp.settings.update({ inbox: { waitingAmberMinutes: 10, waitingRedMinutes: 60 } })
    expect(await fresh.asOperator().conversations.inboxCounts()).toMatchObject({ amberMinutes: 10, redMinutes: 60 })
  })

  it('refuses thresholds out of bounds or out of order, with the field named, and lets only admins change them', async () => {
    const admin = shop.asAdmin()
    const fieldErrorsOf = async (inbox: Record<string, number>) => {
      try {
        await admin.whatsapp.settings.update({ inbox })
        return null
      } catch (error) {
        return (error as { code: string; message: string }).code
      }
    }
    expect(await fieldErrorsOf({ waitingAmberMinutes: 0 })).toBe('BAD_REQUEST')
    expect(await fieldErrorsOf({ waitingRedMinutes: 10_081 })).toBe('BAD_REQUEST')
    expect(await fieldErrorsOf({ waitingAmberMinutes: 1441 })).toBe('BAD_REQUEST')
    // Red must come after amber.
    expect(await fieldErrorsOf({ waitingAmberMinutes: 30, waitingRedMinutes: 30 })).toBe('BAD_REQUEST')
    await expect(shop.asOperator().whatsapp.settings.update({ inbox: { waitingAmberMinutes: 7 } })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect((await admin.whatsapp.settings.get()).settings.inbox).toEqual({ sendReadReceipts: true, waitingAmberMinutes: 5, waitingRedMinutes: 30 })
    expect(await inboxCounts(org(), shop.admin)).toMatchObject({ amberMinutes: 5, redMinutes: 30 })
  })
})

describe('"operators see only their own and unassigned"', () => {
  it('an operator can neither read nor count a colleague’s conversation; the admin counts it', async () => {
    const team = await createTenant()
    const colleague = await createConversation(team.organization.id, (await createClient(team.organization.id)).id, [])
    const unassigned = await createConversation(team.organization.id, (await createClient(team.organization.id)).id, [])
    await recordCustomerMessage(colleague.id, new Date())
    await recordCustomerMessage(unassigned.id, new Date())
    await team.asAdmin().conversations.assign({ conversationId: colleague.id, assigneeId: team.admin.id })
    await team.asAdmin().conversations.assignmentSettings.update({ operatorsSeeOnlyOwn: true })

    await expect(team.asOperator().conversations.markRead({ conversationId: colleague.id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await conversationState(colleague.id)).unreadCount).toBe(1)
    // Besides these two, the tenant's own unassigned conversation waits with unread messages.
    expect(await team.asOperator().conversations.inboxCounts()).toMatchObject({ waiting: 2, unread: 2 })
    expect(await team.asAdmin().conversations.inboxCounts()).toMatchObject({ waiting: 3, unread: 3 })
    expect(await team.asOperator().conversations.markRead({ conversationId: unassigned.id })).toMatchObject({ wasUnread: 1 })
    // Resolved conversations leave the counts, as they leave the Waiting list.
    await team.asAdmin().conversations.setStatus({ conversationId: colleague.id, status: 'RESOLVED' })
    expect(await team.asAdmin().conversations.inboxCounts()).toMatchObject({ waiting: 2, unread: 1 })
  })
})

describe('two conversations merged into one (a customer’s two records, merge-clients.ts)', () => {
  const t = (minutesAgo: number) => new Date(Date.UTC(2026, 11, 1, 12, 0) - minutesAgo * 60_000)

  it('adds the unread, keeps the latest reply and read, and the older wait still unanswered', () => {
    expect(
      mergeReadStates(
        { unreadCount: 2, waitingSince: t(30), lastReplyAt: t(40), lastReadAt: t(35) },
        { unreadCount: 1, waitingSince: t(10), lastReplyAt: t(20), lastReadAt: t(5) },
      ),
    ).toEqual({ unreadCount: 3, waitingSince: t(10), lastReplyAt: t(20), lastReadAt: t(5) })
    // The reply in one answers a wait of the other that began before it; neither waits then.
    expect(
      mergeReadStates(
        { unreadCount: 0, waitingSince: null, lastReplyAt: t(1), lastReadAt: null },
        { unreadCount: 4, waitingSince: t(50), lastReplyAt: null, lastReadAt: null },
      ),
    ).toEqual({ unreadCount: 4, waitingSince: null, lastReplyAt: t(1), lastReadAt: null })
    expect(
      mergeReadStates(
        { unreadCount: 1, waitingSince: t(3), lastReplyAt: null, lastReadAt: null },
        { unreadCount: 0, waitingSince: null, lastReplyAt: null, lastReadAt: null },
      ),
    ).toMatchObject({ unreadCount: 1, waitingSince: t(3) })
  })
})
