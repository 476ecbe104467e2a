/**
 * Who may see a conversation. Everyone in the organization, unless the admin turned on "operators see
 * only their own and unassigned": then an OPERATOR sees conversations assigned to them or to nobody, in
 * every read (list, byId, messages, search, entries) and every stream. Admins always see all.
 */
import { db, type Prisma } from '../../db'
import type { UserRole } from '../../db/generated/enums'
import { Prisma as PrismaSql } from '../../db/generated/client'
import { notFound } from '../../errors'
import { getAssignmentSettings } from '../settings/assignment-settings'

export interface Viewer {
  id: string
  role: UserRole
}

/** Whether this viewer is limited to their own and unassigned conversations in this organization. */
export async function viewerIsRestricted(organizationId: string, viewer: Viewer): Promise<boolean> {
  if (viewer.role !== 'OPERATOR') return false
  return (await getAssignmentSettings(organizationId)).operatorsSeeOnlyOwn
}

/** The conversation filter for a viewer (always includes the organization). */
export async function visibleConversationsWhere(organizationId: string, viewer: Viewer): Promise<Prisma.ConversationWhereInput> {
  if (!(await viewerIsRestricted(organizationId, viewer))) return { organizationId }
  return { organizationId, OR: [{ assigneeId: null }, { assigneeId: viewer.id }] }
}

/**
 * The same filter as SQL over the conversation alias `c`, for raw queries (inbox search), or undefined
 * when the viewer sees every conversation of the organization.
 */
export async function visibleConversationsSql(organizationId: string, viewer: Viewer): Promise<Prisma.Sql | undefined> {
  if (!(await viewerIsRestricted(organizationId, viewer))) return undefined
  return PrismaSql.sql`(c."assigneeId" IS NULL OR c."assigneeId" = ${viewer.id})`
}

/** Throws NOT_FOUND unless the viewer may see the conversation (another organization's is not found either). */
export async function assertConversationVisible(organizationId: string, viewer: Viewer, conversationId: string): Promise<void> {
  const where = await visibleConversationsWhere(organizationId, viewer)
  const found = await db.conversation.findFirst({ where: { AND: [where, { id: conversationId }] }, select: { id: true } })
  if (!found) throw notFound('conversationNotFound')
}

/** Whether the viewer may see it (for streams: false instead of an error). */
export async function conversationVisibleTo(organizationId: string, viewer: Viewer, conversationId: string): Promise<boolean> {
  return assertConversationVisible(organizationId, viewer, conversationId).then(
    () => true,
    () => false,
  )
}

/** Throws NOT_FOUND unless the viewer may see the conversation of this message (a message not found passes: the caller reports it). */
export async function assertMessageVisible(organizationId: string, viewer: Viewer, messageId: string): Promise<void> {
  if (!(await viewerIsRestricted(organizationId, viewer))) return
  const message = await db.message.findFirst({ where: { id: messageId, organizationId }, select: { conversationId: true } })
  if (message) await assertConversationVisible(organizationId, viewer, message.conversationId)
}
