/**
 * The operator's inbox (issue 13 points 2, 3, 8) against PostgreSQL, Redis and the simulator: each
 * distribution mode (the first reply takes it under two concurrent replies, round-robin among online
 * operators, manual), "operators see only their own and unassigned" in every read and stream, reopening
 * on a customer message, the snooze wake-up (delayed job and startup sweep), and private notes that never
 * reach the engine while their @mentions reach the one named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../../db'
import type { SessionUser } from '../../../auth/session-user'
import { createServerCaller } from '../../root'
import { getRedis, redisKey } from '../../../redis'
import { createClient, createConversation, createTenant, createUser, type Tenant } from '../../../testing/factories'
import { clientIdOf, connectPhone, setSettings, startHarness, type Harness } from '../../../testing/pipeline-harness'
import { waitFor } from '../../../testing/wait-for'
import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import { updateAssignmentSettings } from '../../../domain/settings/assignment-settings'
import { claimOnReply } from '../../../domain/conversations/assignment'
import { snoozeConversation, sweepSnoozes } from '../../../domain/conversations/conversation-status'
import { markOnline } from '../../../domain/conversations/presence'
import { codeOf } from '../../testing/error-code'

let harness: Harness
let shop: Tenant
let other: Tenant
let operator2: SessionUser

const as = (user: SessionUser) => createServerCaller(user, 'test')

async function freshConversation(tenant: Tenant = shop) {
  const client = await createClient(tenant.organization.id)
  return createConversation(tenant.organization.id, client.id, ['Здравствуйте'])
}

const entriesOf = (conversationId: string) => db.conversationEntry.findMany({ where: { conversationId }, orderBy: { createdAt: 'asc' } })

beforeAll(async () => {
  harness = await startHarness()
  shop = await createTenant()
  other = await createTenant()
  operator2 = await createUser(shop.organization.id, 'OPERATOR')
  await connectPhone(harness.manager, shop.organization.id)
  await connectPhone(harness.manager, other.organization.id)
  // Room for this file's replies within the quotas (the defaults allow 10 a minute).
  for (const org of [shop.organization.id, other.organization.id]) {
    await setSettings(org, { rateLimiting: { messagesPerMinute: 20, messagesPerHour: 300, messagesPerDay: 2000 } })
  }
})

afterAll(async () => {
  await harness.stop()
})

describe('distribution: unassigned, the first reply takes it', () => {
  it('two concurrent replies by two operators: exactly one owner and one system line', async () => {
    await updateAssignmentSettings(shop.organization.id, { distribution: 'UNASSIGNED', operatorsSeeOnlyOwn: false })
    for (let round = 0; round < 3; round += 1) {
      const conversation = await freshConversation()
      const results = await Promise.all([
        shop.asOperator().whatsapp.send({ conversationId: conversation.id, content: `Первый ${round}` }),
        as(operator2).whatsapp.send({ conversationId: conversation.id, content: `Второй ${round}` }),
      ])
      expect(results.every((r) => r.messageId)).toBe(true)
      const row = await db.conversation.findUniqueOrThrow({ where: { id: conversation.id }, select: { assigneeId: true } })
      expect([shop.operator.id, operator2.id]).toContain(row.assigneeId)
      const lines = await entriesOf(conversation.id)
      expect(lines.map((l) => l.kind)).toEqual(['ASSIGNED'])
      expect((lines[0]!.data as { assigneeId: string }).assigneeId).toBe(row.assigneeId)
    }
  })

  it('ten claims racing for one conversation: exactly one wins', async () => {
    const conversation = await freshConversation()
    const users = [shop.operator, operator2]
    const won = await Promise.all(Array.from({ length: 10 }, (_, i) => claimOnReply(shop.organization.id, conversation.id, users[i % 2]!)))
    expect(won.filter(Boolean)).toHaveLength(1)
    expect(await db.conversationEntry.count({ where: { conversationId: conversation.id, kind: 'ASSIGNED' } })).toBe(1)
  })

  it('the list filters Mine, Unassigned and Waiting (the last message is the customer’s)', async () => {
    const answered = await freshConversation()
    const waiting = await freshConversation()
    await shop.asOperator().whatsapp.send({ conversationId: answered.id, content: 'Ответили' })
    const ids = async (view: 'MINE' | 'UNASSIGNED' | 'WAITING') => (await shop.asOperator().conversations.list({ view, pageSize: 100 })).items.map((c) => c.id)
    expect(await ids('MINE')).toContain(answered.id)
    expect(await ids('MINE')).not.toContain(waiting.id)
    expect(await ids('UNASSIGNED')).toContain(waiting.id)
    expect(await ids('UNASSIGNED')).not.toContain(answered.id)
    expect(await ids('WAITING')).toContain(waiting.id)
    expect(await ids('WAITING')).not.toContain(answered.id)
  })

  it('a later reply by someone else leaves the owner as is', async () => {
    const conversation = await freshConversation()
    await shop.asOperator().whatsapp.send({ conversationId: conversation.id, content: 'Я возьму' })
    await as(operator2).whatsapp.send({ conversationId: conversation.id, content: 'И я' })
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).assigneeId).toBe(shop.operator.id)
  })
})

describe('distribution: manual', () => {
  it('a reply takes nothing; operators take only unassigned ones for themselves; admins assign anyone of their organization', async () => {
    await updateAssignmentSettings(shop.organization.id, { distribution: 'MANUAL' })
    const conversation = await freshConversation()
    await shop.asOperator().whatsapp.send({ conversationId: conversation.id, content: 'Ответ' })
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).assigneeId).toBeNull()

    // An operator may not hand it to someone else.
    expect(await codeOf(shop.asOperator().conversations.assign({ conversationId: conversation.id, assigneeId: operator2.id }))).toBe('FORBIDDEN')
    // The admin assigns; nobody can assign into another organization.
    expect(await codeOf(shop.asAdmin().conversations.assign({ conversationId: conversation.id, assigneeId: other.operator.id }))).toBe('NOT_FOUND')
    expect(await codeOf(other.asAdmin().conversations.assign({ conversationId: conversation.id, assigneeId: other.operator.id }))).toBe('NOT_FOUND')
    expect(await codeOf(other.asOperator().conversations.assign({ conversationId: conversation.id, assigneeId: other.operator.id }))).toBe('NOT_FOUND')
    await shop.asAdmin().conversations.assign({ conversationId: conversation.id, assigneeId: operator2.id })
    // Taken: the first operator cannot take it over, only the admin reassigns.
    expect(await codeOf(shop.asOperator().conversations.assign({ conversationId: conversation.id, assigneeId: shop.operator.id }))).toBe('FORBIDDEN')
    await shop.asAdmin().conversations.assign({ conversationId: conversation.id, assigneeId: shop.operator.id })
    // The owner gives it back; then another operator takes it.
    await shop.asOperator().conversations.assign({ conversationId: conversation.id, assigneeId: null })
    await as(operator2).conversations.assign({ conversationId: conversation.id, assigneeId: operator2.id })
    const lines = await entriesOf(conversation.id)
    expect(lines.map((l) => [l.kind, (l.data as { assigneeName: string | null }).assigneeName])).toEqual([
      ['ASSIGNED', operator2.name],
      ['ASSIGNED', shop.operator.name],
      ['UNASSIGNED', null],
      ['ASSIGNED', operator2.name],
    ])
    expect((lines[1]!.data as { previousAssigneeName: string }).previousAssigneeName).toBe(operator2.name)
  })
})

describe('distribution: round-robin among online operators', () => {
  it('hands new conversations in turn to the operators who are online, never to an offline one', async () => {
    const org = shop.organization.id
    await updateAssignmentSettings(org, { distribution: 'ROUND_ROBIN' })
    const offline = await createUser(org, 'OPERATOR')
    await getRedis().del(redisKey('presence', org))
    // Nobody online: the conversation stays unassigned.
    await phone.sendAsCustomer(clientIdOf(org), { from: '+996700990100', body: 'Есть кто?' })
    const first = await waitFor(() => db.conversation.findFirst({ where: { organizationId: org, client: { phone: '+996700990100' } } }))
    await waitFor(() => db.message.findFirst({ where: { conversationId: first.id } }))
    await new Promise((r) => setTimeout(r, 200))
    expect((await db.conversation.findUniqueOrThrow({ where: { id: first.id } })).assigneeId).toBeNull()

    await markOnline(org, shop.operator.id)
    await markOnline(org, operator2.id)
    // Seen long ago: no longer online.
    await markOnline(org, offline.id, Date.now() - 5 * 60_000)
    const owners: string[] = []
    for (let i = 1; i <= 4; i += 1) {
      const from = `+99670099010${i}`
      await phone.sendAsCustomer(clientIdOf(org), { from, body: `Здравствуйте ${i}` })
      const conversation = await waitFor(() =>
        db.conversation.findFirst({ where: { organizationId: org, client: { phone: from }, assigneeId: { not: null } } }),
      )
      owners.push(conversation.assigneeId!)
      const line = await waitFor(() => db.conversationEntry.findFirst({ where: { conversationId: conversation.id, kind: 'ASSIGNED' } }))
      expect(line.authorId).toBeNull()
    }
    expect(owners).not.toContain(offline.id)
    expect(new Set(owners)).toEqual(new Set([shop.operator.id, operator2.id]))
    // In turn: never the same one twice in a row.
    for (let i = 1; i < owners.length; i += 1) expect(owners[i]).not.toBe(owners[i - 1])
    await updateAssignmentSettings(org, { distribution: 'UNASSIGNED' })
  })
})

describe('"operators see only their own and unassigned"', () => {
  it('is enforced in list, search, byId, messages, entries, notes, sends and streams', async () => {
    const org = shop.organization.id
    await updateAssignmentSettings(org, { operatorsSeeOnlyOwn: false, distribution: 'MANUAL' })
    const mine = await freshConversation()
    const theirs = await freshConversation()
    const nobodys = await freshConversation()
    await shop.asAdmin().conversations.assign({ conversationId: mine.id, assigneeId: shop.operator.id })
    await shop.asAdmin().conversations.assign({ conversationId: theirs.id, assigneeId: operator2.id })
    const theirsName = (await db.conversation.findUniqueOrThrow({ where: { id: theirs.id }, select: { client: { select: { name: true } } } })).client.name!

    const operator = shop.asOperator()
    // Off: the operator sees everything.
    expect(await codeOf(operator.conversations.byId({ conversationId: theirs.id }))).toBe('OK')

    await shop.asAdmin().conversations.assignmentSettings.update({ operatorsSeeOnlyOwn: true })
    const ids = (await operator.conversations.list({ pageSize: 100 })).items.map((c) => c.id)
    expect(ids).toContain(mine.id)
    expect(ids).toContain(nobodys.id)
    expect(ids).not.toContain(theirs.id)
    expect((await operator.conversations.list({ search: theirsName })).items).toEqual([])
    for (const call of [
      () => operator.conversations.byId({ conversationId: theirs.id }),
      () => operator.conversations.messages({ conversationId: theirs.id }),
      () => operator.conversations.entries({ conversationId: theirs.id }),
      () => operator.conversations.addNote({ conversationId: theirs.id, content: 'подгляд' }),
      () => operator.conversations.setStatus({ conversationId: theirs.id, status: 'RESOLVED' }),
      () => operator.conversations.snooze({ conversationId: theirs.id, until: new Date(Date.now() + 3_600_000) }),
      () => operator.whatsapp.send({ conversationId: theirs.id, content: 'чужой' }),
    ]) {
      expect(await codeOf(call())).toBe('NOT_FOUND')
    }
    // Nor retry a failed send in it (a row the operator's own retry would take).
    const failed = await db.message.create({
      data: { organizationId: org, conversationId: theirs.id, content: 'не ушло', direction: 'OUTGOING', sender: 'HUMAN', status: 'FAILED' },
      select: { id: true },
    })
    expect(await codeOf(operator.whatsapp.retry({ messageId: failed.id }))).toBe('NOT_FOUND')
    // Nor may the operator take someone else's conversation (it is not even found).
    expect(await codeOf(operator.conversations.assign({ conversationId: theirs.id, assigneeId: shop.operator.id }))).toBe('NOT_FOUND')
    // The admin still sees all of them.
    expect((await shop.asAdmin().conversations.list({ pageSize: 100 })).items.map((c) => c.id)).toContain(theirs.id)

    // Streams: the operator's stream carries the own conversation's events, never the other's.
    const events = await operator.conversations.onEvents({})
    const iterator = events[Symbol.asyncIterator]()
    const received: string[] = []
    const reading = (async () => {
      for (;;) {
        const next = await iterator.next()
        if (next.done) return
        const event = (next.value as unknown as [string, { data: { conversationId: string } }])[1]
        received.push(event.data.conversationId)
        if (event.data.conversationId === mine.id) return
      }
    })()
    await new Promise((r) => setTimeout(r, 150))
    await shop.asAdmin().conversations.addNote({ conversationId: theirs.id, content: 'секрет' })
    await shop.asAdmin().conversations.addNote({ conversationId: mine.id, content: 'для тебя' })
    await reading
    await iterator.return?.()
    expect(received).toContain(mine.id)
    expect(received).not.toContain(theirs.id)
    await updateAssignmentSettings(org, { operatorsSeeOnlyOwn: false })
  })
})

describe('open, resolved, snoozed', () => {
  it('resolving hides it from the default list; a customer message reopens it', async () => {
    const org = shop.organization.id
    await phone.sendAsCustomer(clientIdOf(org), { from: '+996700990200', body: 'Вопрос' })
    const conversation = await waitFor(() => db.conversation.findFirst({ where: { organizationId: org, client: { phone: '+996700990200' } } }))
    await shop.asOperator().conversations.setStatus({ conversationId: conversation.id, status: 'RESOLVED' })
    const open = await shop.asOperator().conversations.list({ pageSize: 100 })
    expect(open.items.map((c) => c.id)).not.toContain(conversation.id)
    const resolved = await shop.asOperator().conversations.list({ status: 'RESOLVED', pageSize: 100 })
    expect(resolved.items.map((c) => c.id)).toContain(conversation.id)

    await phone.sendAsCustomer(clientIdOf(org), { from: '+996700990200', body: 'Ещё вопрос' })
    await waitFor(async () => (await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).status === 'OPEN')
    expect((await entriesOf(conversation.id)).map((e) => e.kind)).toEqual(['RESOLVED', 'REOPENED'])
    expect((await shop.asOperator().conversations.list({ pageSize: 100 })).items.map((c) => c.id)).toContain(conversation.id)
  })

  it('a snooze must end in the future, within 90 days', async () => {
    const conversation = await freshConversation()
    expect(await codeOf(shop.asOperator().conversations.snooze({ conversationId: conversation.id, until: new Date(Date.now() - 60_000) }))).toBe('BAD_REQUEST')
    expect(await codeOf(shop.asOperator().conversations.snooze({ conversationId: conversation.id, until: new Date(Date.now() + 100 * 86_400_000) }))).toBe(
      'BAD_REQUEST',
    )
    const until = new Date(Date.now() + 3_600_000)
    await shop.asOperator().conversations.snooze({ conversationId: conversation.id, until })
    const row = await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })
    expect(row.status).toBe('SNOOZED')
    expect(row.snoozedUntil?.getTime()).toBe(until.getTime())
    expect((await shop.asOperator().conversations.list({ pageSize: 100 })).items.map((c) => c.id)).not.toContain(conversation.id)
  })

  it('wakes up by its delayed job when the time comes', async () => {
    const conversation = await freshConversation()
    const actor = { ...shop.operator }
    await snoozeConversation(shop.organization.id, actor, conversation.id, new Date(Date.now() + 1200))
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).status).toBe('SNOOZED')
    await new Promise((r) => setTimeout(r, 600))
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).status).toBe('SNOOZED')
    await waitFor(async () => (await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).status === 'OPEN', 8000)
    const lines = await entriesOf(conversation.id)
    expect(lines.map((l) => [l.kind, (l.data as { reason?: string }).reason ?? null])).toEqual([
      ['SNOOZED', null],
      ['REOPENED', 'snoozeEnded'],
    ])
  })

  it('the startup sweep wakes a snooze whose job was lost (downtime, a Redis that forgot it)', async () => {
    const conversation = await freshConversation()
    // As if snoozed before a restart and its job lost: due a minute ago, no job anywhere.
    await db.conversation.update({ where: { id: conversation.id }, data: { status: 'SNOOZED', snoozedUntil: new Date(Date.now() - 60_000) } })
    const result = await sweepSnoozes()
    expect(result.woke).toBeGreaterThanOrEqual(1)
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).status).toBe('OPEN')
  })
})

describe('private notes', () => {
  it('never reach the engine (no message row, no job, nothing on the phone) while a reply does', async () => {
    // Another organization with its own phone: no queue of earlier replies ahead of this one.
    const org = other.organization.id
    await phone.sendAsCustomer(clientIdOf(org), { from: '+996700990300', body: 'Привет' })
    const conversation = await waitFor(() => db.conversation.findFirst({ where: { organizationId: org, client: { phone: '+996700990300' } } }))
    await waitFor(() => db.message.findFirst({ where: { conversationId: conversation.id } }))
    const before = await db.message.count({ where: { conversationId: conversation.id } })
    const note = 'Заметка: клиент VIP, не звонить до обеда'
    const { entry } = await other.asOperator().conversations.addNote({ conversationId: conversation.id, content: note })
    expect(entry.kind).toBe('NOTE')
    await other.asOperator().whatsapp.send({ conversationId: conversation.id, content: 'Здравствуйте! Чем помочь?' })
    // The reply reaches the phone; the note never does.
    await waitFor(async () => (await phone.getPhoneState(clientIdOf(org))).outbox.some((o) => o.body === 'Здравствуйте! Чем помочь?'), 15_000)
    await new Promise((r) => setTimeout(r, 300))
    const outbox = (await phone.getPhoneState(clientIdOf(org))).outbox
    expect(outbox.some((o) => o.body.includes('VIP'))).toBe(false)
    expect(await db.message.count({ where: { conversationId: conversation.id } })).toBe(before + 1)
    expect(await db.message.count({ where: { organizationId: org, content: { contains: 'VIP' } } })).toBe(0)
    const entries = await other.asOperator().conversations.entries({ conversationId: conversation.id })
    expect(entries.find((e) => e.kind === 'NOTE')?.content).toBe(note)
  })

  it('an @mention is stored for the one named (offline too), reaches their stream, and no one else’s', async () => {
    const org = shop.organization.id
    const conversation = await freshConversation()
    const named = await createUser(org, 'OPERATOR')
    await db.user.update({ where: { id: named.id }, data: { name: 'Айгерим Садыкова' } })
    const namedUser = { ...named, name: 'Айгерим Садыкова' }
    const stream = (await as(namedUser).conversations.onEvents({}))[Symbol.asyncIterator]()
    const mention = (async () => {
      for (;;) {
        const next = await stream.next()
        if (next.done) return null
        const event = (next.value as unknown as [string, { type: string; data: { userId?: string } }])[1]
        if (event.type === 'mention.created') return event.data
      }
    })()
    await new Promise((r) => setTimeout(r, 150))
    const result = await shop.asAdmin().conversations.addNote({ conversationId: conversation.id, content: '@айгерим садыкова посмотрите, пожалуйста' })
    expect(result.mentionedUserIds).toEqual([named.id])
    expect((await mention)?.userId).toBe(named.id)
    await stream.return?.()

    const list = await as(namedUser).mentions.list()
    expect(list.unread).toBe(1)
    expect(list.items[0]).toMatchObject({ conversationId: conversation.id, authorName: shop.admin.name })
    // Someone else has none of it.
    expect((await as(operator2).mentions.list()).items.some((m) => m.conversationId === conversation.id)).toBe(false)
    expect(await as(namedUser).mentions.markRead({ conversationId: conversation.id })).toEqual({ marked: 1 })
    expect((await as(namedUser).mentions.list()).unread).toBe(0)
  })

  it('an empty note is refused', async () => {
    const conversation = await freshConversation()
    expect(await codeOf(shop.asOperator().conversations.addNote({ conversationId: conversation.id, content: '   ' }))).toBe('BAD_REQUEST')
  })
})
