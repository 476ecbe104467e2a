/**
 * Organization admins manage their people: list them, deactivate and reactivate them. A deactivated
 * user cannot sign in, and their open sessions stop working within AUTH_USER_RECHECK_MS.
 * Everything is scoped by the organization; one may only manage a lower role, never oneself.
 */
import { forgetCachedUser } from '../../auth/current-user'
import { db } from '../../db'
import type { UserRole } from '../../db/generated/enums'
import { AppError, notFound } from '../../errors'
import { logger } from '../../logger'

const rank: Record<UserRole, number> = { OPERATOR: 0, ADMIN: 1, SUPER_ADMIN: 2 }

export async function listUsers(organizationId: string) {
  return db.user.findMany({
    where: { organizationId },
    select: { id: true, email: true, name: true, role: true, deactivatedAt: true, createdAt: true },
    orderBy: [{ role: 'desc' }, { name: 'asc' }],
  })
}

/** Deactivates (`active: false`) or reactivates a user of `organizationId` on behalf of `actor`. */
export async function setUserActive(organizationId: string, actor: { id: string; role: UserRole }, userId: string, active: boolean) {
  if (userId === actor.id) throw new AppError('FORBIDDEN', 'cannotDeactivateSelf')
  const target = await db.user.findFirst({ where: { id: userId, organizationId }, select: { id: true, role: true, deactivatedAt: true } })
  // Another organization's user is as unknown as a missing one.
  if (!target) throw notFound('userNotFound')
  if (rank[target.role] >= rank[actor.role]) throw new AppError('FORBIDDEN', 'cannotManageUser')
  const deactivatedAt = active ? null : (target.deactivatedAt ?? new Date())
  const updated = await db.user.update({
    where: { id: target.id },
    data: { deactivatedAt },
    select: { id: true, email: true, name: true, role: true, deactivatedAt: true },
  })
  forgetCachedUser(target.id)
  logger.info(
    { organizationId, userId: target.id, actorId: actor.id, event: active ? 'user.reactivated' : 'user.deactivated' },
    active ? 'user reactivated' : 'user deactivated',
  )
  return updated
}
