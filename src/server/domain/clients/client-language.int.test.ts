/**
 * issue 17: a client's language comes from their recent messages through the real incoming pipeline
 * (simulator engine, queue, PostgreSQL): a closing "ok" does not flip it, a person's choice stays,
 * agents get it, and another organization can neither set nor see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setAgentResponder, type AgentContext } from '../../agents/agent-hook'
import { db } from '../../db'
import { createTenant, type Tenant } from '../../testing/factories'
import { clientIdOf, connectPhone, startHarness, type Harness } from '../../testing/pipeline-harness'
import { waitFor } from '../../testing/wait-for'
import * as phone from '../../whatsapp/engines/simulator/simulator-control'
import { KYRGYZ_CLIENT_MESSAGES as KYRGYZ } from '../../testing/language-samples'

let harness: Harness
let shop: Tenant
let seq = 0

beforeAll(async () => {
  harness = await startHarness()
  shop = await createTenant()
  await connectPhone(harness.manager, shop.organization.id)
})

afterAll(async () => {
  setAgentResponder(null)
  await harness.stop()
})

/** A unique number per test run, so re-runs and parallel files do not meet the same client. */
function newCustomer(): string {
  seq++
  return `+996 701 ${String(Date.now() % 1000).padStart(3, '0')} ${String(seq).padStart(3, '0')}`
}

async function say(from: string, body: string) {
  const sent = await phone.sendAsCustomer(clientIdOf(shop.organization.id), { from, body })
  await waitFor(() => db.message.findFirst({ where: { organizationId: shop.organization.id, whatsappMessageId: sent.id }, select: { id: true } }))
}

async function clientOf(from: string) {
  return db.client.findFirstOrThrow({
    where: { organizationId: shop.organization.id, phone: from.replace(/\s/g, '') },
    select: { id: true, preferredLanguage: true, preferredLanguageSource: true, languageMatches: true, languageSampled: true },
  })
}

describe('client language from many messages', () => {
  it('ten Kyrgyz messages and then "ok": the client stays Kyrgyz, from 10 of 11, and the agent is told so', async () => {
    const from = newCustomer()
    for (const body of KYRGYZ) await say(from, body)
    await waitFor(async () => (await clientOf(from)).languageMatches === 10)
    const contexts: AgentContext[] = []
    setAgentResponder(async (context) => {
      contexts.push(context)
      return null
    })
    await say(from, 'ok')
    await waitFor(async () => (await clientOf(from)).languageSampled === 11)
    // The agent is asked after the language is stored: wait for that call too.
    const okContext = await waitFor(() => contexts.find((context) => context.body === 'ok') ?? null)
    setAgentResponder(null)
    expect(await clientOf(from)).toMatchObject({ preferredLanguage: 'ky', preferredLanguageSource: 'DETECTED', languageMatches: 10, languageSampled: 11 })
    expect(okContext).toMatchObject({ language: 'und', clientLanguage: 'ky' })
  })

  it('a manual choice stays whatever the client writes, and clearing it goes back to the messages', async () => {
    const from = newCustomer()
    await say(from, KYRGYZ[0])
    const client = await clientOf(from)
    expect(client.preferredLanguage).toBe('ky')

    await expect(shop.asOperator().clients.setLanguage({ clientId: client.id, language: 'ru' })).resolves.toEqual({ language: 'ru' })
    for (const body of KYRGYZ.slice(1, 6)) await say(from, body)
    expect(await clientOf(from)).toMatchObject({ preferredLanguage: 'ru', preferredLanguageSource: 'MANUAL', languageMatches: null })
    const card = await shop.asOperator().clients.byId({ clientId: client.id })
    expect(card).toMatchObject({ preferredLanguage: 'ru', preferredLanguageSource: 'MANUAL' })

    await expect(shop.asAdmin().clients.setLanguage({ clientId: client.id, language: null })).resolves.toEqual({ language: 'ky' })
    expect(await clientOf(from)).toMatchObject({ preferredLanguage: 'ky', preferredLanguageSource: 'DETECTED', languageMatches: 6, languageSampled: 6 })
  })

  it('refuses a language it does not know, and changes nothing', async () => {
    await expect(shop.asOperator().clients.setLanguage({ clientId: shop.client.id, language: 'xx' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(shop.asOperator().clients.setLanguage({ clientId: shop.client.id, language: 'und' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    expect((await db.client.findUniqueOrThrow({ where: { id: shop.client.id } })).preferredLanguageSource).toBe('DETECTED')
  })

  it("another organization's operator can neither set nor read a client's language", async () => {
    const other = await createTenant()
    const before = await db.client.findUniqueOrThrow({ where: { id: shop.client.id }, select: { preferredLanguage: true, preferredLanguageSource: true } })
    await expect(other.asOperator().clients.setLanguage({ clientId: shop.client.id, language: 'en' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(other.asAdmin().clients.setLanguage({ clientId: shop.client.id, language: null })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await db.client.findUniqueOrThrow({ where: { id: shop.client.id }, select: { preferredLanguage: true, preferredLanguageSource: true } })).toEqual(
      before,
    )
  })
})
