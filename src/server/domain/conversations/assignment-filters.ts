/** The conversation list's filters by owner and status (Mine, Unassigned, Waiting, All; open, resolved, snoozed). */
import type { Prisma } from '../../db'
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
      // The customer waits for a reply (Conversation.waitingSince, kept by domain/conversations/read-state.ts; indexed).
      where.waitingSince = { not: null }
      break
    case 'ALL':
      break
  }
  return where
}
