/**
 * Quick replies (issue 13 point 4) against PostgreSQL: admins add, change and delete; operators list
 * but cannot change (FORBIDDEN); (shortcut, language) is unique per organization, a null language
 * included, also under concurrent creates; the cap per organization; inputs validated and cleaned; the
 * errors localized in ru/en/ky; and, for a conversation, the client's language first with `{name}` filled.
 */
import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import superjson from 'superjson'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SessionUser } from '../../../auth/session-user'
import { db } from '../../../db'
import { createClient, createConversation, createTenant, createUser, type Tenant } from '../../../testing/factories'
import { QUICK_REPLIES_MAX } from '~/shared/quick-replies'
import type { Locale } from '~/i18n/locales'
import { appRouter, createServerCaller } from '../../root'
import { createTRPCContext } from '../../trpc'
import { codeOf } from '../../testing/error-code'

let shop: Tenant
let other: Tenant

const as = (user: SessionUser) => createServerCaller(user, 'test')
const unique = () => Math.random().toString(36).slice(2, 8)

/** A mutation over HTTP through the real handler, as a browser in `locale` sees its error. */
async function mutateOverHttp(user: SessionUser, locale: Locale, path: string, input: unknown) {
  const res = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: new Request(`http://localhost/api/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(superjson.serialize(input)),
    }),
    router: appRouter,
    createContext: () => createTRPCContext({ user, locale, source: 'http' }),
  })
  const body = (await res.json()) as { error?: { json: { message: string; data: { appCode: string | null; code: string } } } }
  return { status: res.status, error: body.error?.json }
}

beforeAll(async () => {
  shop = await createTenant()
  other = await createTenant()
})

describe('quickReplies', () => {
  it('admins add, change and delete; who did it is recorded', async () => {
    const admin = as(shop.admin)
    const shortcut = `hours-${unique()}`
    const created = await admin.quickReplies.create({ shortcut, text: 'Мы работаем с 10 до 19, {name}.', language: 'ru' })
    expect(created).toMatchObject({ shortcut, language: 'ru', text: 'Мы работаем с 10 до 19, {name}.' })

    const listed = await as(shop.operator).quickReplies.list({})
    expect(listed.client).toBeNull()
    expect(listed.items.find((r) => r.id === created.id)).toMatchObject({ shortcut, personalized: null })

    const updated = await admin.quickReplies.update({ id: created.id, shortcut, text: 'Иш убактысы 10дон 19га чейин', language: 'ky' })
    expect(updated).toMatchObject({ id: created.id, language: 'ky', text: 'Иш убактысы 10дон 19га чейин' })
    const secondAdmin = await createUser(shop.organization.id, 'ADMIN')
    await as(secondAdmin).quickReplies.update({ id: created.id, shortcut, text: 'Иш убактысы: 10–19', language: 'ky' })
    const row = await db.quickReply.findUniqueOrThrow({ where: { id: created.id } })
    expect(row).toMatchObject({ organizationId: shop.organization.id, createdById: shop.admin.id, updatedById: secondAdmin.id })

    await admin.quickReplies.delete({ id: created.id })
    expect(await db.quickReply.count({ where: { id: created.id } })).toBe(0)
    expect(await codeOf(admin.quickReplies.delete({ id: created.id }))).toBe('NOT_FOUND')
    expect(await codeOf(admin.quickReplies.update({ id: created.id, shortcut, text: 'x', language: null }))).toBe('NOT_FOUND')
  })

  it('operators can list but not change (FORBIDDEN)', async () => {
    const operator = as(shop.operator)
    expect((await operator.quickReplies.list({})).items.map((r) => r.id)).toContain(shop.quickReplyId)
    expect(await codeOf(operator.quickReplies.create({ shortcut: `op-${unique()}`, text: 'Нельзя' }))).toBe('FORBIDDEN')
    expect(await codeOf(operator.quickReplies.update({ id: shop.quickReplyId, shortcut: 'price', text: 'Изменено', language: 'ru' }))).toBe('FORBIDDEN')
    expect(await codeOf(operator.quickReplies.delete({ id: shop.quickReplyId }))).toBe('FORBIDDEN')
    expect(await db.quickReply.findUniqueOrThrow({ where: { id: shop.quickReplyId } })).toMatchObject({ text: '{name}, цена 1000 сом' })
  })

  it('a shortcut is unique per organization and language, "any language" included', async () => {
    const admin = as(shop.admin)
    const shortcut = `dup-${unique()}`
    await admin.quickReplies.create({ shortcut, text: 'Русский', language: 'ru' })
    // The same shortcut in another language, or for any language, is another reply.
    await admin.quickReplies.create({ shortcut, text: 'Кыргызча', language: 'ky' })
    const neutral = await admin.quickReplies.create({ shortcut, text: 'Any', language: null })
    for (const language of ['ru', null] as const) {
      const error = await admin.quickReplies.create({ shortcut, text: 'Again', language }).catch((e: unknown) => e)
      expect((error as { code?: string }).code).toBe('CONFLICT')
    }
    // Changing a reply into a taken pair is refused too; keeping its own pair is not.
    expect(await codeOf(admin.quickReplies.update({ id: neutral.id, shortcut, text: 'Any', language: 'ky' }))).toBe('CONFLICT')
    expect(await codeOf(admin.quickReplies.update({ id: neutral.id, shortcut, text: 'Any, changed', language: null }))).toBe('OK')
    // Another organization may use the same shortcut.
    expect(await codeOf(as(other.admin).quickReplies.create({ shortcut, text: 'Other org', language: 'ru' }))).toBe('OK')
    expect(await db.quickReply.count({ where: { organizationId: shop.organization.id, shortcut } })).toBe(3)
  })

  it('concurrent creates of one (shortcut, any language) keep exactly one', async () => {
    const shortcut = `race-${unique()}`
    const codes = await Promise.all(
      Array.from({ length: 6 }, (_, i) => codeOf(as(shop.admin).quickReplies.create({ shortcut, text: `Вариант ${i}`, language: null }))),
    )
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1)
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(5)
    expect(await db.quickReply.count({ where: { organizationId: shop.organization.id, shortcut } })).toBe(1)
  })

  it(`an organization keeps at most ${QUICK_REPLIES_MAX}`, async () => {
    const tenant = await createTenant() // holds one reply already
    await db.quickReply.createMany({
      data: Array.from({ length: QUICK_REPLIES_MAX - 2 }, (_, i) => ({ organizationId: tenant.organization.id, shortcut: `bulk-${i}`, text: `Ответ ${i}` })),
    })
    const admin = as(tenant.admin)
    await admin.quickReplies.create({ shortcut: 'last-one', text: 'Последний' })
    expect(await db.quickReply.count({ where: { organizationId: tenant.organization.id } })).toBe(QUICK_REPLIES_MAX)
    const refused = await mutateOverHttp(tenant.admin, 'en', 'quickReplies.create', { shortcut: 'one-too-many', text: 'Too many' })
    expect(refused.status).toBe(400)
    expect(refused.error?.data.appCode).toBe('quickRepliesTooMany')
    expect(refused.error?.message).toContain(String(QUICK_REPLIES_MAX))
    expect(await db.quickReply.count({ where: { organizationId: tenant.organization.id } })).toBe(QUICK_REPLIES_MAX)
    // Deleting one makes room again.
    await admin.quickReplies.delete({ id: tenant.quickReplyId })
    expect(await codeOf(admin.quickReplies.create({ shortcut: 'one-too-many', text: 'Now it fits' }))).toBe('OK')
  })

  it('validates and cleans the input', async () => {
    const admin = as(shop.admin)
    const cleaned = await admin.quickReplies.create({ shortcut: ` /Баа-${unique()}_1 `, text: 'Строка 1\r\nСтрока 2\u0000 ', language: 'ky' })
    expect(cleaned.shortcut).toMatch(/^баа-[a-z0-9]+_1$/)
    expect(cleaned.text).toBe('Строка 1\nСтрока 2')
    const bad: unknown[] = [
      { shortcut: 'two words', text: 'x' },
      { shortcut: 'a.b', text: 'x' },
      { shortcut: 'x'.repeat(33), text: 'x' },
      { shortcut: '', text: 'x' },
      { shortcut: 'ok', text: ' \u0000\r\n ' },
      { shortcut: 'ok', text: 'x'.repeat(4097) },
      { shortcut: 'ok', text: 'x', language: 'de' },
      { shortcut: 'ok', text: 'x', language: 'ru', extra: { nested: true }, organizationId: '' },
    ]
    for (const input of bad) expect(await codeOf(admin.quickReplies.create(input as never))).toBe('BAD_REQUEST')
    expect(await codeOf(admin.quickReplies.update({ id: "x' OR 1=1", shortcut: 'ok', text: 'x', language: null }))).toBe('BAD_REQUEST')
  })

  it('refusals are localized in ru, en and ky', async () => {
    const shortcut = `loc-${unique()}`
    await as(shop.admin).quickReplies.create({ shortcut, text: 'Первый', language: 'ru' })
    const messages = new Set<string>()
    for (const locale of ['ru', 'en', 'ky'] as const) {
      const duplicate = await mutateOverHttp(shop.admin, locale, 'quickReplies.create', { shortcut, text: 'Второй', language: 'ru' })
      expect(duplicate.status).toBe(409)
      expect(duplicate.error?.data.appCode).toBe('quickReplyDuplicate')
      expect(duplicate.error?.message).toContain(`/${shortcut}`)
      messages.add(duplicate.error!.message)
      const badShortcut = await mutateOverHttp(shop.admin, locale, 'quickReplies.create', { shortcut: 'два слова', text: 'x' })
      expect(badShortcut.status).toBe(400)
      messages.add(badShortcut.error!.message)
      const gone = await mutateOverHttp(shop.admin, locale, 'quickReplies.delete', { id: 'gone_reply' })
      expect(gone.status).toBe(404)
      expect(gone.error?.data.appCode).toBe('quickReplyNotFound')
      messages.add(gone.error!.message)
    }
    // Nine different texts: three refusals in three languages, none falling back to another language.
    expect(messages.size).toBe(9)
    expect([...messages].some((m) => m.includes('Быстрый ответ'))).toBe(true)
    expect([...messages].some((m) => m.includes('Тез жооп табылган жок'))).toBe(true)
  })

  it('a quick reply in the client’s language', async () => {
    const tenant = await createTenant()
    const admin = as(tenant.admin)
    // The factory's own "price" (ru) is there; add the Kyrgyz, English and any-language ones.
    const ky = await admin.quickReplies.create({ shortcut: 'price', text: '{name}, баасы 1000 сом.', language: 'ky' })
    await admin.quickReplies.create({ shortcut: 'price', text: '{name}, the price is 1000 som.', language: 'en' })
    const neutral = await admin.quickReplies.create({ shortcut: 'address', text: 'Бишкек, Чуй 100', language: null })

    const aibek = await createClient(tenant.organization.id, { name: 'Айбек', language: 'ky' })
    const conversation = await createConversation(tenant.organization.id, aibek.id, ['Саламатсызбы, баасы канча?'])
    const forAibek = await as(tenant.operator).quickReplies.list({ conversationId: conversation.id })
    expect(forAibek.client).toEqual({ name: 'Айбек', language: 'ky' })
    expect(forAibek.items[0]).toMatchObject({ id: ky.id, language: 'ky', personalized: 'Айбек, баасы 1000 сом.' })
    expect(forAibek.items[1]).toMatchObject({ id: neutral.id, language: null })
    expect(forAibek.items.slice(2).map((r) => r.language)).toEqual(['ru', 'en'])

    // A client whose language is unknown, and without a name: any-language replies first, `{name}` goes away tidily.
    const nameless = await db.client.create({
      data: { organizationId: tenant.organization.id, phone: `+99670${Date.now() % 10_000_000}`, name: null, preferredLanguage: null },
      select: { id: true },
    })
    const conversation2 = await createConversation(tenant.organization.id, nameless.id)
    const forNameless = await as(tenant.operator).quickReplies.list({ conversationId: conversation2.id })
    expect(forNameless.items[0]?.id).toBe(neutral.id)
    expect(forNameless.items.find((r) => r.id === ky.id)?.personalized).toBe('баасы 1000 сом.')

    // Another organization's conversation is not found; its replies never show.
    expect(await codeOf(as(tenant.operator).quickReplies.list({ conversationId: shop.conversation.id }))).toBe('NOT_FOUND')
    expect((await as(tenant.admin).quickReplies.list({})).items.map((r) => r.id)).not.toContain(shop.quickReplyId)
  })
})
