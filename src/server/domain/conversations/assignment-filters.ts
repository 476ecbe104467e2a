/** The conversation list's filters by owner and status (Mine, Unassigned, Waiting, All; open, resolved, snoozed). */
import { db, type Prisma } from '../../db'
import type { ConversationStatus } from '../../db/generated/enums'
import type { ConversationView } from '~/shared/conversation-assignment'
import type { Viewer } from './visibility'

export interface AssignmentFilter {
  /** Default ALL. */
  view?: ConversationView
  /** Default OPEN: resolved and snoozed conversations leave the default list. */
  status?: ConversationStatus
}

/** What lists and byId return about ownership and status. */
export const assignmentSelect = {
  assigneeId: true,
  status: true,
  snoozedUntil: true,
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.ConversationSelect

/**
 * The conversations whose last message is the customer's, among the viewer's organization. A lateral
 * look at each conversation's newest message (the (conversationId, createdAt) index), bounded to the
 * 5,000 most recently active; the unread/waiting work of issue 13 point 1 adds a column that replaces it.
 */
async function waitingIds(organizationId: string): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT c.id FROM conversations c
    CROSS JOIN LATERAL (SELECT m.direction FROM messages m WHERE m."conversationId" = c.id ORDER BY m."createdAt" DESC, m.id DESC LIMIT 1) last
    WHERE c."organizationId" = ${organizationId} AND last.direction = 'INCOMING'
    ORDER BY c."lastMessageAt" DESC NULLS LAST LIMIT 5000`
  return rows.map((r) => r.id)
}

export async function assignmentFilterWhere(organizationId: string, viewer: Viewer, filter: AssignmentFilter): Promise<Prisma.ConversationWhereInput> {
  const where: Prisma.ConversationWhereInput = { status: filter.status ?? 'OPEN' }
  switch (filter.view ?? 'ALL') {
    case 'MINE':
      where.assigneeId = viewer.id
      break
    case 'UNASSIGNED':
      where.assigneeId = null
      break
    case 'WAITING':
      where.id = { in: await waitingIds(organizationId) }
      break
    case 'ALL':
      break
  }
  return where
}
