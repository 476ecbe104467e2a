/**
 * Deactivation: admins deactivate and reactivate operators of their own organization only, never
 * themselves nor an equal role; a deactivated user's requests and open streams stop; deletion too.
 */
import { describe, expect, it } from 'vitest'
import { createCaller, createServerCaller } from '../../api/root'
import { createTRPCContext } from '../../api/trpc'
import { currentUser } from '../../auth/current-user'
import { revokeSession } from '../../auth/session-revocation'
import { db } from '../../db'
import { createTenant, createUser } from '../../testing/factories'
import { waitFor } from '../../testing/wait-for'

describe('user deactivation', () => {
  it('an admin deactivates and reactivates an operator of the organization; the change applies at once in this process', async () => {
    const tenant = await createTenant()
    const admin = createServerCaller(tenant.admin, 'test')
    expect(await currentUser(tenant.operator.id)).toMatchObject({ id: tenant.operator.id })
    const off = await admin.user.setActive({ userId: tenant.operator.id, active: false })
    expect(off.deactivatedAt).toBeInstanceOf(Date)
    expect(await currentUser(tenant.operator.id)).toBeNull()
    const listed = await admin.user.list()
    expect(listed.find((u) => u.id === tenant.operator.id)?.deactivatedAt).toBeInstanceOf(Date)
    await admin.user.setActive({ userId: tenant.operator.id, active: true })
    expect(await currentUser(tenant.operator.id)).toMatchObject({ id: tenant.operator.id })
  })

  it('refuses oneself, an equal role, operators, and another organization (as not found)', async () => {
    const tenant = await createTenant()
    const other = await createTenant()
    const secondAdmin = await createUser(tenant.organization.id, 'ADMIN')
    const admin = createServerCaller(tenant.admin, 'test')
    await expect(admin.user.setActive({ userId: tenant.admin.id, active: false })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(admin.user.setActive({ userId: secondAdmin.id, active: false })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(createServerCaller(tenant.operator, 'test').user.setActive({ userId: tenant.admin.id, active: false })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(admin.user.setActive({ userId: other.operator.id, active: false })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(admin.user.setActive({ organizationId: other.organization.id, userId: other.operator.id, active: false })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    const untouched = await db.user.findUniqueOrThrow({ where: { id: other.operator.id }, select: { deactivatedAt: true } })
    expect(untouched.deactivatedAt).toBeNull()
    expect((await admin.user.list()).map((u) => u.id)).not.toContain(other.operator.id)
  })

  it.each([
    ['deactivated', (id: string) => db.user.update({ where: { id }, data: { deactivatedAt: new Date() } })],
    ['deleted', (id: string) => db.user.delete({ where: { id } })],
    [
      'moved to another organization',
      async (id: string) => db.user.update({ where: { id }, data: { organizationId: (await createTenant()).organization.id } }),
    ],
  ])('an open subscription of a user who is %s ends with sessionEnded', async (_what, change) => {
    const tenant = await createTenant()
    const user = { ...tenant.operator, sessionId: 'sid-test' }
    const abort = new AbortController()
    const caller = createCaller(createTRPCContext({ user, source: 'http' }), { signal: abort.signal })
    const stream = (await caller.conversations.onEvents({}))[Symbol.asyncIterator]()
    const ended = stream.next().then(
      () => 'still streaming',
      (err: unknown) => (err as { message: string }).message,
    )
    await change(tenant.operator.id)
    expect(await waitFor(() => Promise.race([ended, new Promise<null>((r) => setTimeout(() => r(null), 50))]), 10_000)).toMatch(
      /session has ended|sessionEnded/,
    )
    abort.abort()
  })

  it('a signed-out (revoked) session ends its open subscription', async () => {
    const tenant = await createTenant()
    const user = { ...tenant.operator, sessionId: `sid-${tenant.operator.id}` }
    const abort = new AbortController()
    const caller = createCaller(createTRPCContext({ user, source: 'http' }), { signal: abort.signal })
    const stream = (await caller.conversations.onEvents({}))[Symbol.asyncIterator]()
    const ended = stream.next().then(
      () => 'still streaming',
      (err: unknown) => (err as { message: string }).message,
    )
    await revokeSession(user.sessionId)
    expect(await waitFor(() => Promise.race([ended, new Promise<null>((r) => setTimeout(() => r(null), 50))]), 10_000)).toMatch(
      /session has ended|sessionEnded/,
    )
    abort.abort()
  })
})
