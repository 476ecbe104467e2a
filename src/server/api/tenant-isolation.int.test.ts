import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '../db'
import { createTenant, type Tenant } from '../testing/factories'
import { isolationCases } from '../testing/isolation-cases'
import { appRouter, createServerCaller } from './root'
import { codeOf } from './testing/error-code'

type AnyFn = (input?: unknown) => Promise<unknown>

async function call(user: Tenant['admin'], path: string, input: unknown) {
  const caller = createServerCaller(user, 'test') as unknown as Record<string, unknown>
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as AnyFn
  const result = await fn(input)
  if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
    // Subscriptions: the first pull runs the middlewares.
    const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]()
    const first = await Promise.race([iterator.next(), new Promise((r) => setTimeout(() => r('timeout'), 300))])
    await iterator.return?.()
    return first
  }
  return result
}

describe('tenant isolation', () => {
  let victim: Tenant
  let attacker: Tenant
  const procedures = Object.keys(appRouter._def.procedures)

  beforeAll(async () => {
    victim = await createTenant()
    attacker = await createTenant()
  })

  it('has a case for every procedure', () => {
    const missing = procedures.filter((path) => !isolationCases[path])
    expect(missing).toEqual([])
  })

  describe.each(procedures)('%s', (path) => {
    const testCase = () => isolationCases[path]!

    it('refuses to act on another organization’s resources', async () => {
      const c = testCase()
      const user = c.attacker === 'OPERATOR' ? attacker.operator : attacker.admin
      const input = c.input(victim)
      if (c.ownDataOnly) {
        const result = await call(user, path, input)
        c.ownDataOnly(result, user, victim)
        return
      }
      // Naming the victim's organization explicitly is forbidden; naming its resources is not found.
      const code = await codeOf(call(user, path, input))
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(code)
    })

    it('refuses an explicit organizationId of another organization', async () => {
      const c = testCase()
      if (c.orgScoped === false) return
      for (const user of [attacker.admin, attacker.operator]) {
        const code = await codeOf(call(user, path, { ...c.input(victim), organizationId: victim.organization.id }))
        expect(code).toBe('FORBIDDEN')
      }
    })
  })

  it('list procedures as the attacker contain none of the victim’s rows', async () => {
    const caller = attacker.asAdmin()
    const clients = await caller.clients.list({})
    expect(clients.items.map((c) => c.id)).not.toContain(victim.client.id)
    const conversations = await caller.conversations.list({})
    expect(conversations.items.map((c) => c.id)).not.toContain(victim.conversation.id)
    // And the victim still sees its own.
    const own = await victim.asOperator().clients.list({})
    expect(own.items.map((c) => c.id)).toContain(victim.client.id)
  })

  it('a super admin may name another organization', async () => {
    await db.user.update({ where: { id: attacker.admin.id }, data: { role: 'SUPER_ADMIN' } })
    const caller = createServerCaller({ ...attacker.admin, role: 'SUPER_ADMIN' }, 'test')
    const clients = await caller.clients.list({ organizationId: victim.organization.id })
    expect(clients.items.map((c) => c.id)).toContain(victim.client.id)
    await db.user.update({ where: { id: attacker.admin.id }, data: { role: 'ADMIN' } })
  })
})

describe('tenant isolation of writes', () => {
  it('a send into another organization’s conversation stores nothing there', async () => {
    const victim = await createTenant()
    const attacker = await createTenant()
    const before = await db.message.count({ where: { organizationId: victim.organization.id } })
    await expect(attacker.asOperator().whatsapp.send({ conversationId: victim.conversation.id, content: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(
      attacker.asAdmin().whatsapp.settings.update({ organizationId: victim.organization.id, safety: { enableMassSending: true } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await db.message.count({ where: { organizationId: victim.organization.id } })).toBe(before)
    const settings = await victim.asOperator().whatsapp.settings.get()
    expect(settings.settings.safety.enableMassSending).toBe(false)
  })
})
