/**
 * Inbox search on PostgreSQL (the trigram indexes of migration inbox_search), through the tRPC caller:
 * partial words in Russian, Kyrgyz and English, Kyrgyz letters typed without their marks, names and
 * phones, LIKE wildcards taken literally, snippets around the match, and nothing of another organization.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../db'
import { createServerCaller } from '../../api/root'
import { createClient, createConversation, createTenant, createUser, type Tenant } from '../../testing/factories'

let tenant: Tenant
let other: Tenant
let bakyt: { id: string; phone: string | null }
let conversationId: string
let messageIds: string[]

const texts = [
  'Здравствуйте! Сколько стоит доставка в Бишкек?',
  'Саламатсызбы, бул көйнөктүн баасы канча?',
  'Hello, is the delivery to Osh available tomorrow?',
  'Жаңы коллекция качан келет?',
  'Скидка 100% на всё — шутка, 50_процентов',
]

beforeAll(async () => {
  tenant = await createTenant()
  other = await createTenant()
  bakyt = await createClient(tenant.organization.id, { name: 'Бакыт Өмүрбеков' })
  const conversation = await createConversation(tenant.organization.id, bakyt.id, texts)
  conversationId = conversation.id
  messageIds = conversation.messageIds
  // The other organization has the same words: none of its rows may come back.
  const stranger = await createClient(other.organization.id, { name: 'Бакыт Чужой' })
  await createConversation(other.organization.id, stranger.id, texts)
})

async function search(query: string, as = tenant) {
  return as.asOperator().conversations.search({ query })
}

describe('conversations.search', () => {
  it('finds messages by a partial Russian word, newest first, with the match in its snippet', async () => {
    const result = await search('доставк')
    expect(result.messagesSearched).toBe(true)
    expect(result.messages.map((m) => m.id)).toEqual([messageIds[0]])
    const [hit] = result.messages
    expect(hit).toMatchObject({ conversationId, client: { id: bakyt.id } })
    expect(hit!.snippet.match).toBe('доставк')
    expect(hit!.snippet.before + hit!.snippet.match + hit!.snippet.after).toBe(texts[0])
  })

  it('finds Kyrgyz words typed without ң/ө/ү, and keeps the original letters in the snippet', async () => {
    const result = await search('койнокт')
    expect(result.messages.map((m) => m.id)).toEqual([messageIds[1]])
    expect(result.messages[0]!.snippet.match).toBe('көйнөкт')
    const jany = await search('жаны коллекц')
    expect(jany.messages.map((m) => m.id)).toEqual([messageIds[3]])
    expect(jany.messages[0]!.snippet.match).toBe('Жаңы коллекц')
  })

  it('finds English partial words, whatever the case', async () => {
    const result = await search('DELIVER')
    expect(result.messages.map((m) => m.id)).toEqual([messageIds[2]])
    expect(result.messages[0]!.snippet.match).toBe('deliver')
  })

  it('finds the conversation by the client’s name (marks left out) and by part of the phone', async () => {
    const byName = await search('омурбек')
    expect(byName.conversations).toEqual([expect.objectContaining({ conversationId, matched: 'name', client: expect.objectContaining({ id: bakyt.id }) })])
    const digits = bakyt.phone!.replace(/\D/g, '').slice(-6)
    const byPhone = await search(digits)
    expect(byPhone.conversations.map((c) => c.conversationId)).toContain(conversationId)
    expect(byPhone.conversations.find((c) => c.conversationId === conversationId)!.matched).toBe('phone')
  })

  it('takes % and _ literally', async () => {
    expect((await search('100%')).messages.map((m) => m.id)).toEqual([messageIds[4]])
    expect((await search('50_п')).messages.map((m) => m.id)).toEqual([messageIds[4]])
    expect((await search('1%0')).messages).toEqual([])
    expect((await search('%%%')).messages).toEqual([])
  })

  it('searches only names and phones below three characters', async () => {
    const result = await search('Ба')
    expect(result.messagesSearched).toBe(false)
    expect(result.messages).toEqual([])
    expect(result.conversations.map((c) => c.conversationId)).toContain(conversationId)
  })

  it('never returns another organization’s conversations or messages, even when named explicitly', async () => {
    const mine = await search('доставк')
    const theirs = await search('доставк', other)
    expect(theirs.messages).toHaveLength(1)
    expect(theirs.messages[0]!.id).not.toBe(mine.messages[0]!.id)
    const theirConversations = await db.conversation.findMany({ where: { organizationId: other.organization.id }, select: { id: true } })
    const theirIds = new Set(theirConversations.map((c) => c.id))
    for (const hit of [...mine.messages, ...mine.conversations]) expect(theirIds.has(hit.conversationId)).toBe(false)
    await expect(tenant.asOperator().conversations.search({ query: 'доставк', organizationId: other.organization.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
  })

  it('leaves out what an operator may not see when operators see only their own and unassigned', async () => {
    const own = await createTenant()
    const colleague = await createUser(own.organization.id, 'OPERATOR')
    const client = await createClient(own.organization.id, { name: 'Скрытая Клиентка' })
    const hidden = await createConversation(own.organization.id, client.id, ['Секретный заказ номер семь'])
    await own.asAdmin().conversations.assign({ conversationId: hidden.id, assigneeId: colleague.id })
    // Everyone sees it while the setting is off.
    expect((await own.asOperator().conversations.search({ query: 'секретный' })).messages).toHaveLength(1)
    await own.asAdmin().conversations.assignmentSettings.update({ operatorsSeeOnlyOwn: true })
    const operatorView = await own.asOperator().conversations.search({ query: 'секретный' })
    expect(operatorView.messages).toEqual([])
    expect((await own.asOperator().conversations.search({ query: 'скрытая' })).conversations).toEqual([])
    // Its owner and the admin still find it.
    const ownerView = await createServerCaller(colleague, 'test').conversations.search({ query: 'секретный' })
    expect(ownerView.messages.map((m) => m.conversationId)).toEqual([hidden.id])
    expect((await own.asAdmin().conversations.search({ query: 'скрытая' })).conversations.map((c) => c.conversationId)).toEqual([hidden.id])
  })

  it('refuses a query of one character or over 100, with a localized key', async () => {
    for (const query of ['a', 'x'.repeat(101), '  ']) {
      await expect(search(query)).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    }
  })
})
