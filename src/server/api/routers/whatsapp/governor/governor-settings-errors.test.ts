/** The governor's rule out of bounds, as the browser receives it: refused before any handler runs, localized in ru/en/ky. */
import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import superjson from 'superjson'
import { describe, expect, it } from 'vitest'
import type { SessionUser } from '../../../../auth/session-user'
import type { Locale } from '~/i18n/locales'
import { appRouter } from '../../../root'
import { createTRPCContext } from '../../../trpc'

const admin: SessionUser = { id: 'u1', email: 'admin@test', name: 'Admin', role: 'ADMIN', organizationId: 'org_a', locale: null }

async function mutate(path: string, input: unknown, locale: Locale) {
  const res = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: new Request(`http://localhost/api/trpc/${path}`, {
      method: 'POST',
      body: JSON.stringify(superjson.serialize(input)),
      headers: { 'content-type': 'application/json' },
    }),
    router: appRouter,
    createContext: () => createTRPCContext({ user: admin, locale, source: 'http' }),
  })
  const body = (await res.json()) as { error: { json: { data: { zodError: { fieldErrors: Record<string, string[]> } } } } }
  return { status: res.status, fieldErrors: body.error.json.data.zodError.fieldErrors }
}

describe('governor settings out of bounds', () => {
  it.each([
    ['ru', 'Значение должно быть не больше 50.', 'Значение должно быть не меньше 5.'],
    ['en', 'Must be at most 50.', 'Must be at least 5.'],
    ['ky', null, null],
  ] as const)('%s: a looser rule than the bounds is refused with a localized field error', async (locale, tooBig, tooSmall) => {
    const result = await mutate('whatsapp.settings.update', { governor: { maxFailedPercent: 90, minSample: 1 } }, locale)
    expect(result.status).toBe(400)
    const big = result.fieldErrors['governor.maxFailedPercent']?.[0]
    const small = result.fieldErrors['governor.minSample']?.[0]
    expect(big).toBeTruthy()
    expect(small).toBeTruthy()
    if (tooBig) expect(big).toBe(tooBig)
    if (tooSmall) expect(small).toBe(tooSmall)
    // Kyrgyz has its own words (not the English or Russian ones), with the bound in them.
    if (locale === 'ky') {
      expect(big).toContain('50')
      expect(big).not.toBe('Must be at most 50.')
      expect(big).not.toBe('Значение должно быть не больше 50.')
    }
  })
})

describe('a minimum sample larger than the window', () => {
  it('is explained in each language', async () => {
    const { validateWhatsAppSettings } = await import('~/shared/whatsapp-settings')
    const { flattenZodError } = await import('../../../../i18n/translate')
    let error: unknown
    try {
      validateWhatsAppSettings({ governor: { windowSends: 30, minSample: 40 } })
    } catch (e) {
      error = e
    }
    const messages = (['ru', 'en', 'ky'] as const).map((locale) => flattenZodError(locale, error as never).fieldErrors['governor.minSample']?.[0])
    expect(messages).toEqual([
      'Минимальная выборка не может быть больше окна.',
      'The minimum sample cannot be larger than the window.',
      'Минималдык тандоо терезеден чоң боло албайт.',
    ])
  })
})
