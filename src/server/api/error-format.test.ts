/** Errors as the browser receives them: HTTP through the real tRPC handler, localized. No database needed. */
import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import superjson from 'superjson'
import { describe, expect, it } from 'vitest'
import type { SessionUser } from '../auth/session-user'
import type { Locale } from '~/i18n/locales'
import { appRouter } from './root'
import { createTRPCContext } from './trpc'

const operator: SessionUser = {
  id: 'u1',
  email: 'op@test',
  name: 'Op',
  role: 'OPERATOR',
  organizationId: 'org_a',
  locale: null,
}

async function query(path: string, input: unknown, user: SessionUser | null, locale: Locale) {
  const url = `http://localhost/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`
  const res = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: new Request(url),
    router: appRouter,
    createContext: () => createTRPCContext({ user, locale, source: 'http' }),
  })
  const body = (await res.json()) as { error: { json: { message: string; data: Record<string, unknown> } } }
  return { status: res.status, error: body.error.json }
}

describe('error formatting', () => {
  it('flattens and localizes zod errors', async () => {
    const ru = await query('clients.list', { pageSize: 1000 }, operator, 'ru')
    expect(ru.status).toBe(400)
    expect(ru.error.message).toBe('Значение должно быть не больше 100.')
    expect(ru.error.data.zodError).toEqual({ formErrors: [], fieldErrors: { pageSize: ['Значение должно быть не больше 100.'] } })

    const en = await query('clients.list', { pageSize: 1000, status: 'VIP' }, operator, 'en')
    expect(en.error.data.zodError).toMatchObject({
      fieldErrors: { pageSize: ['Must be at most 100.'], status: ['This value is not allowed.'] },
    })

    const ky = await query('conversations.byId', {}, operator, 'ky')
    expect(ky.error.data.zodError).toMatchObject({ fieldErrors: { conversationId: ['Милдеттүү талаа.'] } })
  })

  it('localizes UNAUTHORIZED and FORBIDDEN', async () => {
    const signedOut = await query('clients.list', {}, null, 'en')
    expect(signedOut.status).toBe(401)
    expect(signedOut.error.message).toBe('Please sign in to continue.')

    const otherOrg = await query('clients.list', { organizationId: 'org_b' }, operator, 'ru')
    expect(otherOrg.status).toBe(403)
    expect(otherOrg.error.message).toBe('У вас нет доступа к этому действию.')
  })

  it('never sends stack traces', async () => {
    const res = await query('clients.list', { pageSize: 'x' }, operator, 'en')
    expect(JSON.stringify(res)).not.toMatch(/at .*\.ts:\d+/)
  })
})
