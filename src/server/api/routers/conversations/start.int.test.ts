/**
 * New chats (issue 13 point 5) through the tRPC caller, on the simulator with a real session manager:
 * WhatsApp is asked first, and only a number on WhatsApp creates a client and a conversation.
 */
import { randomInt } from 'node:crypto'
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../../db'
import { isAppError } from '../../../errors'
import { translateError } from '../../../i18n/translate'
import { createTenant, type Tenant } from '../../../testing/factories'
import { clientIdOf, connectPhone, startHarness, type Harness } from '../../../testing/pipeline-harness'
import { waitFor } from '../../../testing/wait-for'
import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import { WhatsAppSessionManager } from '../../../whatsapp/session-manager'
import { NUMBER_CHECKS_PER_MINUTE } from '../../../domain/safety/number-check-limit'
import { updateAssignmentSettings } from '../../../domain/settings/assignment-settings'

let harness: Harness
let tenant: Tenant

/** A Kyrgyz mobile number no other test uses; `notOnWhatsApp` ends it in 0000 (the simulator's rule). */
function newNumber(options: { notOnWhatsApp?: boolean } = {}): string {
  const tail = options.notOnWhatsApp ? `${randomInt(10, 99)}0000` : String(randomInt(100000, 999999)).replace(/0000$/, '1234')
  return `+996700${tail}`
}

/** The i18n key an AppError ended with (`errors.<key>`), or OK. */
async function keyOf(call: Promise<unknown>): Promise<string> {
  try {
    await call
    return 'OK'
  } catch (error) {
    if (error instanceof TRPCError && isAppError(error.cause)) return error.cause.messageKey
    throw error
  }
}

/** The message the operator reads for the AppError a call ended with, in `locale`. */
async function messageOf(call: Promise<unknown>, locale: 'ru' | 'en' | 'ky'): Promise<string> {
  try {
    await call
  } catch (error) {
    if (error instanceof TRPCError && isAppError(error.cause)) return translateError(locale, error.cause.messageKey, error.cause.params)
    throw error
  }
  return 'OK'
}

async function rows(organizationId: string) {
  const [clients, conversations] = await Promise.all([db.client.count({ where: { organizationId } }), db.conversation.count({ where: { organizationId } })])
  return { clients, conversations }
}

beforeAll(async () => {
  harness = await startHarness()
  tenant = await createTenant()
  await connectPhone(harness.manager, tenant.organization.id)
})

afterAll(async () => {
  await harness?.stop()
})

describe('conversations.start', () => {
  it('a new chat to a number that is on WhatsApp creates the client and the conversation, assigned to the operator who started it', async () => {
    const before = await rows(tenant.organization.id)
    const number = newNumber()
    const local = `0${number.slice(4)}`
    const started = await tenant.asOperator().conversations.start({ phone: local, name: '  Айгуль  ' })
    expect(started).toMatchObject({ created: true, clientCreated: true })
    expect(await rows(tenant.organization.id)).toEqual({ clients: before.clients + 1, conversations: before.conversations + 1 })
    const client = await db.client.findUniqueOrThrow({
      where: { id: started.clientId },
      select: { phone: true, whatsappId: true, name: true, organizationId: true },
    })
    expect(client).toEqual({ phone: number, whatsappId: `${number.slice(1)}@c.us`, name: 'Айгуль', organizationId: tenant.organization.id })
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: started.conversationId }, select: { clientId: true, assigneeId: true } })
    expect(conversation).toEqual({ clientId: started.clientId, assigneeId: tenant.operator.id })

    // The first message reaches the customer's phone.
    await tenant.asOperator().whatsapp.send({ conversationId: started.conversationId, content: 'Здравствуйте! Это Soul.' })
    await waitFor(async () => (await phone.getPhoneState(clientIdOf(tenant.organization.id))).outbox.some((m) => m.to === `${number.slice(1)}@c.us`))
  })

  it('a new chat to a number that is not on WhatsApp says so and creates nothing', async () => {
    const before = await rows(tenant.organization.id)
    const number = newNumber({ notOnWhatsApp: true })
    const call = tenant.asOperator().conversations.start({ phone: number, name: 'Никто' })
    await expect(call).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' })
    expect(await keyOf(tenant.asOperator().conversations.start({ phone: number }))).toBe('newChat.notOnWhatsApp')
    expect(await messageOf(tenant.asOperator().conversations.start({ phone: number }), 'ru')).toBe(
      `Номера ${number.replace(/^\+996(\d{3})(\d{3})(\d{3})$/, '+996 $1 $2 $3')} нет в WhatsApp. Проверьте номер: ничего не создано.`,
    )
    expect(await rows(tenant.organization.id)).toEqual(before)
    expect(await db.client.count({ where: { organizationId: tenant.organization.id, phone: number } })).toBe(0)
  })

  it('an existing client, by id or by the same number in another layout, gets its existing conversation back', async () => {
    const before = await rows(tenant.organization.id)
    const byId = await tenant.asOperator().conversations.start({ clientId: tenant.client.id })
    expect(byId).toEqual({ conversationId: tenant.conversation.id, clientId: tenant.client.id, created: false, clientCreated: false })
    const spaced = tenant.client.phone!.replace(/^\+996(\d{3})(\d{3})(\d{3})$/, '0$1 $2-$3')
    const byPhone = await tenant.asOperator().conversations.start({ phone: spaced })
    expect(byPhone).toMatchObject({ conversationId: tenant.conversation.id, created: false })
    expect(await rows(tenant.organization.id)).toEqual(before)
  })

  it('a client known by a hidden-number id and the same phone is reused, not duplicated', async () => {
    const number = newNumber()
    const existing = await db.client.create({
      data: { organizationId: tenant.organization.id, phone: number, lid: `${randomInt(10 ** 9, 10 ** 10)}@lid`, whatsappId: null, name: 'Бекзат' },
      select: { id: true },
    })
    const before = await rows(tenant.organization.id)
    const started = await tenant.asAdmin().conversations.start({ phone: number.replace('+', '00') })
    expect(started).toMatchObject({ clientId: existing.id, created: true, clientCreated: false })
    expect(await rows(tenant.organization.id)).toEqual({ clients: before.clients, conversations: before.conversations + 1 })
    expect(await db.client.findUniqueOrThrow({ where: { id: existing.id }, select: { whatsappId: true } })).toEqual({ whatsappId: `${number.slice(1)}@c.us` })
  })

  it('an invalid number is refused with the reason, before WhatsApp is asked', async () => {
    const before = await rows(tenant.organization.id)
    expect(await keyOf(tenant.asOperator().conversations.start({ phone: '0555 12' }))).toBe('newChat.phone.tooShort')
    expect(await keyOf(tenant.asOperator().conversations.start({ phone: '+999 123 456' }))).toBe('newChat.phone.invalidCountry')
    expect(await keyOf(tenant.asOperator().conversations.start({ phone: 'позвони мне' }))).toBe('newChat.phone.notANumber')
    // Each reason reads in the operator's language.
    expect(translateError('en', 'newChat.phone.tooShort')).toBe('The number is too short: a digit is missing.')
    expect(translateError('ru', 'newChat.phone.tooShort')).toBe('Номер слишком короткий: не хватает цифры.')
    expect(translateError('ky', 'newChat.phone.tooShort')).toBe('Номер өтө кыска: бир сан жетпейт.')
    // Neither or both of phone and clientId: refused by the schema.
    await expect(tenant.asOperator().conversations.start({})).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(tenant.asOperator().conversations.start({ clientId: tenant.client.id, phone: '0555123456' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    expect(await rows(tenant.organization.id)).toEqual(before)
  })

  it('an operator of another organization cannot start a chat with this organization’s client', async () => {
    const other = await createTenant()
    const before = await rows(tenant.organization.id)
    expect(await keyOf(other.asOperator().conversations.start({ clientId: tenant.client.id }))).toBe('clientNotFound')
    await expect(other.asOperator().conversations.start({ organizationId: tenant.organization.id, phone: newNumber() })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    expect(await rows(tenant.organization.id)).toEqual(before)
    expect(await rows(other.organization.id)).toEqual({ clients: 1, conversations: 1 })
  })

  it('an operator limited to their own conversations cannot open another operator’s through a new chat', async () => {
    const owned = await createTenant()
    const colleague = await db.user.create({
      data: { organizationId: owned.organization.id, role: 'OPERATOR', email: `c-${randomInt(1e9)}@test.soul.kg`, name: 'Colleague', passwordHash: 'x' },
      select: { id: true },
    })
    await db.conversation.update({ where: { id: owned.conversation.id }, data: { assigneeId: colleague.id } })
    await updateAssignmentSettings(owned.organization.id, { operatorsSeeOnlyOwn: true })
    expect(await keyOf(owned.asOperator().conversations.start({ clientId: owned.client.id }))).toBe('newChat.ownedByOther')
    expect(await owned.asAdmin().conversations.start({ clientId: owned.client.id })).toMatchObject({ conversationId: owned.conversation.id })
  })

  it('WhatsApp not connected, or banned: a clear error and nothing created', async () => {
    const offline = await createTenant()
    const before = await rows(offline.organization.id)
    expect(await keyOf(offline.asOperator().conversations.start({ phone: newNumber() }))).toBe('whatsappNotConnected')
    const stranger = await offline.asAdmin().clients.list({})
    expect(stranger.items).toHaveLength(1)
    expect(await rows(offline.organization.id)).toEqual(before)

    const banned = await createTenant()
    await connectPhone(harness.manager, banned.organization.id)
    await phone.banNumber(clientIdOf(banned.organization.id))
    await waitFor(async () => (await db.whatsAppSession.findUnique({ where: { organizationId: banned.organization.id } }))?.errorCode === 'BANNED')
    const bannedBefore = await rows(banned.organization.id)
    expect(await keyOf(banned.asOperator().conversations.start({ phone: newNumber() }))).toBe('whatsappBanned')
    expect(await rows(banned.organization.id)).toEqual(bannedBefore)
  })

  it(`checks at most ${NUMBER_CHECKS_PER_MINUTE} numbers a minute per organization; an existing conversation costs no check`, async () => {
    const busy = await createTenant()
    await connectPhone(harness.manager, busy.organization.id)
    for (let i = 0; i < NUMBER_CHECKS_PER_MINUTE; i += 1) {
      expect(await keyOf(busy.asOperator().conversations.start({ phone: newNumber({ notOnWhatsApp: true }) }))).toBe('newChat.notOnWhatsApp')
    }
    const before = await rows(busy.organization.id)
    expect(await keyOf(busy.asOperator().conversations.start({ phone: newNumber() }))).toBe('newChat.checksPerMinute')
    await expect(busy.asOperator().conversations.start({ phone: newNumber() })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' })
    expect(await rows(busy.organization.id)).toEqual(before)
    // Another organization has its own limit; the existing conversation needs no check.
    expect(await busy.asOperator().conversations.start({ clientId: busy.client.id })).toMatchObject({ created: false })
    expect(await keyOf(tenant.asOperator().conversations.start({ phone: newNumber({ notOnWhatsApp: true }) }))).toBe('newChat.notOnWhatsApp')
  })

  it('a server that does not run the session asks the one that does (the command channel), and gets its answer', async () => {
    // Not started: it runs no session and needs no command listener to ask (only the owner listens).
    const elsewhere = new WhatsAppSessionManager({
      engineFactory: () => {
        throw new Error('this process never runs an engine')
      },
    })
    try {
      expect(elsewhere.hasLocalSession(tenant.organization.id)).toBe(false)
      const on = newNumber()
      expect(await elsewhere.checkNumber(tenant.organization.id, on.slice(1))).toEqual({ onWhatsApp: true, chatId: `${on.slice(1)}@c.us` })
      expect(await elsewhere.checkNumber(tenant.organization.id, newNumber({ notOnWhatsApp: true }).slice(1))).toEqual({ onWhatsApp: false })
      const nobody = await createTenant()
      await expect(elsewhere.checkNumber(nobody.organization.id, on.slice(1))).rejects.toMatchObject({ code: 'NOT_CONNECTED' })
    } finally {
      await elsewhere.disconnectAll()
    }
  })
})
