/**
 * Who owns a conversation. Admins assign and reassign to any active member of their organization;
 * operators take an unassigned conversation (or give back their own). A person's first reply takes an
 * unassigned conversation (modes UNASSIGNED and ROUND_ROBIN) with one conditional UPDATE, so of two
 * concurrent replies exactly one becomes the owner. Round-robin hands a customer message in an
 * unassigned conversation to the next online operator (presence.ts). Every change leaves a system line
 * in the thread and reaches open lists live.
 */
import { db } from '../../db'
import { AppError, notFound } from '../../errors'
import { orgLogger } from '../../logger'
import { getRedis, redisKey } from '../../redis'
import { publishConversation } from '../messages/message-events'
import { getAssignmentSettings, parseAssignmentSettings } from '../settings/assignment-settings'
import { createEntry, publishEntry, userName } from './conversation-entries'
import { onlineUserIds } from './presence'
import { assertConversationVisible, type Viewer } from './visibility'

export interface Actor extends Viewer {
  name: string
}

const isAdmin = (actor: Viewer) => actor.role === 'ADMIN' || actor.role === 'SUPER_ADMIN'

/** An active user of the organization (any role may own a conversation). */
async function assertAssignable(organizationId: string, userId: string): Promise<{ id: string; name: string }> {
  const user = await db.user.findFirst({ where: { id: userId, organizationId, deactivatedAt: null }, select: { id: true, name: true } })
  if (!user) throw notFound('userNotFound')
  return user
}

/**
 * Sets (or clears, `assigneeId` null) the owner. Admins: anyone of the organization. Operators: only
 * themselves into an unassigned conversation, or nobody out of their own. Returns the new owner.
 */
export async function assignConversation(organizationId: string, actor: Actor, conversationId: string, assigneeId: string | null) {
  await assertConversationVisible(organizationId, actor, conversationId)
  const assignee = assigneeId ? await assertAssignable(organizationId, assigneeId) : null
  const current = await db.conversation.findFirst({ where: { id: conversationId, organizationId }, select: { assigneeId: true } })
  if (!current) throw notFound('conversationNotFound')
  if (current.assigneeId === assigneeId) return { assigneeId }
  if (!isAdmin(actor)) {
    const takesFree = assigneeId === actor.id && current.assigneeId === null
    const givesBack = assigneeId === null && current.assigneeId === actor.id
    if (!takesFree && !givesBack) throw new AppError('FORBIDDEN', 'assignOnlySelf')
  }
  // Conditional on the owner read above: a concurrent change wins, this one reports a conflict.
  const updated = await db.conversation.updateMany({
    where: { id: conversationId, organizationId, assigneeId: current.assigneeId },
    data: { assigneeId },
  })
  if (updated.count === 0) throw new AppError('CONFLICT', 'assignmentChanged')
  await recordAssignment(organizationId, conversationId, actor, current.assigneeId, assignee)
  return { assigneeId }
}

async function recordAssignment(
  organizationId: string,
  conversationId: string,
  actor: { id: string; name: string } | null,
  previousId: string | null,
  assignee: { id: string; name: string } | null,
) {
  const entry = await createEntry(db, {
    organizationId,
    conversationId,
    kind: assignee ? 'ASSIGNED' : 'UNASSIGNED',
    authorId: actor?.id ?? null,
    data: {
      authorName: actor?.name ?? null,
      assigneeId: assignee?.id ?? null,
      assigneeName: assignee?.name ?? null,
      previousAssigneeName: await userName(organizationId, previousId),
    },
  })
  orgLogger(organizationId, { conversationId }).info(
    { by: actor?.id ?? 'system', from: previousId, to: assignee?.id ?? null },
    'conversation assignment changed',
  )
  await publishEntry(organizationId, entry)
  await publishConversation(organizationId, conversationId).catch(() => undefined)
}

/**
 * A person replied: in modes UNASSIGNED and ROUND_ROBIN an unassigned conversation becomes theirs. One
 * `UPDATE … WHERE assigneeId IS NULL`: PostgreSQL re-checks the condition after a concurrent update of the
 * row commits, so of two concurrent replies exactly one takes it. True when this reply took it.
 */
export async function claimOnReply(organizationId: string, conversationId: string, user: { id: string; name: string }): Promise<boolean> {
  const settings = await getAssignmentSettings(organizationId)
  if (settings.distribution === 'MANUAL') return false
  const taken = await db.conversation.updateMany({ where: { id: conversationId, organizationId, assigneeId: null }, data: { assigneeId: user.id } })
  if (taken.count === 0) return false
  await recordAssignment(organizationId, conversationId, user, null, user)
  return true
}

/**
 * Round-robin: a customer wrote into an unassigned conversation; give it to the next online, active
 * OPERATOR (a Redis counter turns through them in id order). Nobody online: it stays unassigned.
 * Returns the new owner's id.
 */
export async function distributeOnCustomerMessage(
  organizationId: string,
  conversationId: string,
  /** What the incoming transaction read under the row lock: the assignee then, and the stored `settings.assignment` (undefined: read here). */
  known?: { assigneeId: string | null; assignment?: unknown },
): Promise<string | null> {
  if (known?.assigneeId) return null
  const settings = known?.assignment !== undefined ? parseAssignmentSettings(known.assignment) : await getAssignmentSettings(organizationId)
  if (settings.distribution !== 'ROUND_ROBIN') return null
  const current = known ?? (await db.conversation.findFirst({ where: { id: conversationId, organizationId }, select: { assigneeId: true } }))
  if (!current || current.assigneeId) return null
  const online = await onlineUserIds(organizationId).catch(() => [] as string[])
  if (!online.length) return null
  const candidates = await db.user.findMany({
    where: { organizationId, id: { in: online }, role: 'OPERATOR', deactivatedAt: null },
    orderBy: { id: 'asc' },
    select: { id: true, name: true },
  })
  if (!candidates.length) return null
  const turn = await getRedis().incr(redisKey('round-robin', organizationId))
  const next = candidates[(turn - 1) % candidates.length]!
  const taken = await db.conversation.updateMany({ where: { id: conversationId, organizationId, assigneeId: null }, data: { assigneeId: next.id } })
  if (taken.count === 0) return null
  await recordAssignment(organizationId, conversationId, null, null, next)
  return next.id
}

/** Active members of the organization (for the assign menu and @mentions), with who is online. */
export async function listMembers(organizationId: string) {
  const [users, online] = await Promise.all([
    db.user.findMany({ where: { organizationId, deactivatedAt: null }, orderBy: { name: 'asc' }, select: { id: true, name: true, role: true } }),
    onlineUserIds(organizationId).catch(() => [] as string[]),
  ])
  const onlineSet = new Set(online)
  return users.map((u) => ({ ...u, online: onlineSet.has(u.id) }))
}
