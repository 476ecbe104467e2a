/**
 * Issue 9, points 3 and 4, through the whole pipeline on PostgreSQL + Redis + the simulator: replies
 * typed on the business phone are stored once (and our own sends never become phone replies), the agent
 * stays quiet after a person answered (from the CRM or the phone), deletes and edits update the stored
 * message, scoped to the organization. The send/phone race is driven at the database level too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setAgentResponder } from '../../agents/agent-hook'
import { db } from '../../db'
import { createTenant, type Tenant } from '../../testing/factories'
import { clientIdOf, connectPhone, startHarness, type Harness } from '../../testing/pipeline-harness'
import { waitFor } from '../../testing/wait-for'
import * as phone from '../../whatsapp/engines/simulator/simulator-control'
import { humanAnsweredRecently } from './human-activity'
import { acceptPhoneReply, processIncoming } from './incoming-service'
import { recordEdit, recordRevoke } from './message-changes'
import { createPendingMessage, markSent } from './message-status'

let harness: Harness
let shop: Tenant
let other: Tenant
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  harness = await startHarness()
  shop = await createTenant()
  other = await createTenant()
  await connectPhone(harness.manager, shop.organization.id)
})

afterAll(async () => {
  setAgentResponder(null)
  await harness.stop()
})

const org = () => shop.organization.id

describe('replies typed on the business phone', () => {
  it('are stored once, as OUTGOING from a HUMAN, origin PHONE, SENT — also when WhatsApp delivers the event twice', async () => {
    const typed = await phone.replyFromPhone(clientIdOf(org()), { to: '+996 700 300 001', body: 'Да, доставим завтра' })
    const row = await waitFor(() => db.message.findFirst({ where: { organizationId: org(), whatsappMessageId: typed.id } }))
    expect(row).toMatchObject({ direction: 'OUTGOING', sender: 'HUMAN', origin: 'PHONE', status: 'SENT', content: 'Да, доставим завтра' })
    const client = await db.client.findFirstOrThrow({ where: { organizationId: org(), phone: '+996700300001' }, select: { id: true } })
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: row.conversationId }, select: { clientId: true } })
    expect(conversation.clientId).toBe(client.id)
    // The same event again (a reconnect re-announces it): still one row.
    await acceptPhoneReply(org(), { id: typed.id, from: typed.from, to: typed.to, body: typed.body, timestamp: typed.timestamp, hasMedia: false, type: 'text' })
    await sleep(400)
    expect(await db.message.count({ where: { organizationId: org(), whatsappMessageId: typed.id } })).toBe(1)
  })

  it('our own sends (announced by WhatsApp as our new messages before the send returns) are not stored again', async () => {
    const sent = await shop.asOperator().whatsapp.send({ to: '+996 700 300 002', content: 'Ваш заказ готов' })
    const row = await waitFor(async () => {
      const found = await db.message.findUnique({ where: { id: sent.messageId } })
      return found?.whatsappMessageId ? found : null
    })
    await sleep(500)
    expect(await db.message.count({ where: { organizationId: org(), whatsappMessageId: row.whatsappMessageId } })).toBe(1)
    expect(await db.message.count({ where: { organizationId: org(), conversationId: row.conversationId, origin: 'PHONE' } })).toBe(0)
  })
})

describe('the race between the send worker and the phone echo (database level)', () => {
  async function crmMessage() {
    return createPendingMessage({
      organizationId: org(),
      conversationId: shop.conversation.id,
      content: 'из CRM',
      direction: 'OUTGOING',
      sender: 'HUMAN',
    })
  }
  // An inbox row as acceptPhoneReply writes it, not queued (processed here, by the test).
  async function echoInbox(whatsappMessageId: string) {
    const payload = {
      id: whatsappMessageId,
      from: '996555000001@c.us',
      to: shop.client.whatsappId,
      body: 'из CRM',
      timestamp: Math.floor(Date.now() / 1000),
      hasMedia: false,
      type: 'text',
      fromMe: true,
    }
    const inbox = await db.incomingInbox.create({
      data: { organizationId: org(), whatsappMessageId, payload: payload },
      select: { id: true },
    })
    return inbox.id
  }
  const waId = () => `true_${shop.client.whatsappId}_3EB0RACE${Math.random().toString(16).slice(2).toUpperCase()}`

  it('send stored first: the echo is recognized and skipped', async () => {
    const message = await crmMessage()
    const id = waId()
    await markSent(org(), message.id, { id, timestamp: Math.floor(Date.now() / 1000) })
    expect(await processIncoming(await echoInbox(id))).toEqual({ status: 'duplicate' })
    expect(await db.message.findMany({ where: { organizationId: org(), whatsappMessageId: id }, select: { id: true } })).toEqual([{ id: message.id }])
  })

  it('echo stored first: markSent takes the id and the phone copy goes', async () => {
    const message = await crmMessage()
    const id = waId()
    expect(await processIncoming(await echoInbox(id))).toMatchObject({ status: 'processed' })
    await markSent(org(), message.id, { id, timestamp: Math.floor(Date.now() / 1000) })
    const rows = await db.message.findMany({ where: { organizationId: org(), whatsappMessageId: id }, select: { id: true, origin: true, status: true } })
    expect(rows).toEqual([{ id: message.id, origin: 'CRM', status: 'SENT' }])
  })

  it('both at once, many times: always exactly one row, the CRM’s', async () => {
    for (let i = 0; i < 8; i++) {
      const message = await crmMessage()
      const id = waId()
      const inboxId = await echoInbox(id)
      await Promise.all([processIncoming(inboxId), markSent(org(), message.id, { id, timestamp: Math.floor(Date.now() / 1000) })])
      const rows = await db.message.findMany({ where: { organizationId: org(), whatsappMessageId: id }, select: { id: true, origin: true } })
      expect(rows).toEqual([{ id: message.id, origin: 'CRM' }])
      expect(await db.incomingInbox.findUniqueOrThrow({ where: { id: inboxId }, select: { processedAt: true } })).not.toMatchObject({ processedAt: null })
    }
  })
})

describe('the agent stays quiet after a person answered', () => {
  const calls: string[] = []
  beforeAll(() => {
    setAgentResponder(async (context) => {
      calls.push(context.body)
      return { content: `AI: ${context.body}`, agentType: 'QUALIFICATION' }
    })
  })
  afterAll(() => setAgentResponder(null))

  async function customerWrites(from: string, body: string) {
    const sent = await phone.sendAsCustomer(clientIdOf(org()), { from, body })
    await waitFor(() => db.incomingInbox.findFirst({ where: { organizationId: org(), whatsappMessageId: sent.id, processedAt: { not: null } } }))
    return sent
  }

  it('answered from the CRM a moment ago → no agent reply', async () => {
    // The window counts from when the operator wrote it (the row exists from then, whatever the send pacing does).
    const sent = await shop.asOperator().whatsapp.send({ to: '+996 700 300 101', content: 'Здравствуйте, это менеджер' })
    expect(await db.message.findUnique({ where: { id: sent.messageId } })).toMatchObject({ sender: 'HUMAN', origin: 'CRM' })
    await customerWrites('+996700300101', 'crm-side вопрос')
    await sleep(500)
    expect(calls).not.toContain('crm-side вопрос')
    expect(await db.message.count({ where: { organizationId: org(), content: 'AI: crm-side вопрос' } })).toBe(0)
  })

  it('answered from the phone a moment ago → no agent reply', async () => {
    const typed = await phone.replyFromPhone(clientIdOf(org()), { to: '+996 700 300 102', body: 'Отвечаю с телефона' })
    await waitFor(() => db.message.findFirst({ where: { organizationId: org(), whatsappMessageId: typed.id } }))
    await customerWrites('+996700300102', 'phone-side вопрос')
    await sleep(500)
    expect(calls).not.toContain('phone-side вопрос')
    expect(await db.message.count({ where: { organizationId: org(), content: 'AI: phone-side вопрос' } })).toBe(0)
  })

  it('a person’s reply older than the window (default 10 minutes) no longer holds the agent back', async () => {
    const typed = await phone.replyFromPhone(clientIdOf(org()), { to: '+996 700 300 103', body: 'Давний ответ' })
    const row = await waitFor(() => db.message.findFirst({ where: { organizationId: org(), whatsappMessageId: typed.id } }))
    await db.message.update({ where: { id: row.id }, data: { createdAt: new Date(Date.now() - 11 * 60_000) } })
    expect(await humanAnsweredRecently(org(), row.conversationId)).toBe(false)
    await customerWrites('+996700300103', 'old-side вопрос')
    await waitFor(() => db.message.findFirst({ where: { organizationId: org(), content: 'AI: old-side вопрос', sender: 'AI' } }))
    expect(await humanAnsweredRecently(org(), row.conversationId, 12 * 60_000)).toBe(true)
  })
})

describe('deleted and edited messages', () => {
  it('a customer deletes a message: it is kept, marked deleted', async () => {
    const sent = await phone.sendAsCustomer(clientIdOf(org()), { from: '+996700300201', body: 'Ой, не туда' })
    const row = await waitFor(() => db.message.findFirst({ where: { organizationId: org(), whatsappMessageId: sent.id } }))
    await phone.deleteForEveryone(clientIdOf(org()), sent.id)
    const deleted = await waitFor(async () => {
      const found = await db.message.findUnique({ where: { id: row.id } })
      return found?.deletedAt ? found : null
    })
    expect(deleted.content).toBe('Ой, не туда')
  })

  it('a customer edits a message: new text, the previous one kept (bounded), editedAt set', async () => {
    const sent = await phone.sendAsCustomer(clientIdOf(org()), { from: '+996700300202', body: 'Нужно 2 штуки' })
    const row = await waitFor(() => db.message.findFirst({ where: { organizationId: org(), whatsappMessageId: sent.id } }))
    await phone.editMessage(clientIdOf(org()), sent.id, 'Нужно 3 штуки')
    const edited = await waitFor(async () => {
      const found = await db.message.findUnique({ where: { id: row.id } })
      return found?.editedAt ? found : null
    })
    expect(edited.content).toBe('Нужно 3 штуки')
    expect(edited.editHistory).toEqual([{ content: 'Нужно 2 штуки', replacedAt: edited.editedAt!.toISOString() }])
    for (let i = 0; i < 12; i++) {
      await recordEdit(org(), { id: sent.id, chatId: '996700300202@c.us', fromMe: false, body: `v${i}`, timestamp: Math.floor(Date.now() / 1000) })
    }
    const after = await db.message.findUniqueOrThrow({ where: { id: row.id } })
    expect(after.content).toBe('v11')
    expect(after.editHistory).toHaveLength(10)
    expect((after.editHistory as Array<{ content: string }>).at(-1)?.content).toBe('v10')
  })

  it('a revoke or edit of an unknown message is ignored; another organization’s message is untouched', async () => {
    const now = Math.floor(Date.now() / 1000)
    expect(await recordRevoke(org(), { id: 'false_996700300299@c.us_UNKNOWN', chatId: '996700300299@c.us', fromMe: false, timestamp: now })).toBe('unknown')
    expect(await recordEdit(org(), { id: 'false_996700300299@c.us_UNKNOWN', chatId: '996700300299@c.us', fromMe: false, body: 'x', timestamp: now })).toBe(
      'unknown',
    )
    const theirs = await db.message.findUniqueOrThrow({ where: { id: other.conversation.messageIds[0] }, select: { whatsappMessageId: true, content: true } })
    const chatId = other.client.whatsappId!
    expect(await recordRevoke(org(), { id: theirs.whatsappMessageId!, chatId, fromMe: false, timestamp: now })).toBe('unknown')
    expect(await recordEdit(org(), { id: theirs.whatsappMessageId!, chatId, fromMe: false, body: 'чужое', timestamp: now })).toBe('unknown')
    const untouched = await db.message.findUniqueOrThrow({ where: { id: other.conversation.messageIds[0] } })
    expect(untouched).toMatchObject({ deletedAt: null, editedAt: null, content: theirs.content })
  })
})
