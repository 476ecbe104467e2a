/** Reads of conversations and their messages, always scoped by organization. */
import { db, type Prisma } from '../../db'
import { notFound } from '../../errors'
import { assignmentFilterWhere, assignmentSelect, type AssignmentFilter } from './assignment-filters'
import { visibleConversationsWhere, type Viewer } from './visibility'

export interface ConversationListFilter extends AssignmentFilter {
  search?: string
  page: number
  pageSize: number
}

/** A page of the conversations the viewer may see (visibility.ts), filtered by view and status. */
export async function listConversations(organizationId: string, filter: ConversationListFilter, viewer: Viewer) {
  const where: Prisma.ConversationWhereInput = {
    AND: [await visibleConversationsWhere(organizationId, viewer), await assignmentFilterWhere(organizationId, viewer, filter)],
  }
  if (filter.search) {
    const digits = filter.search.replace(/\D/g, '')
    where.client = {
      OR: [{ name: { contains: filter.search, mode: 'insensitive' } }, ...(digits.length >= 3 ? [{ phone: { contains: digits } }] : [])],
    }
  }
  // Waiting: the longest-waiting first (issue 13 point 1).
  const waiting = filter.view === 'WAITING'
  const [rows, total] = await db.$transaction([
    db.conversation.findMany({
      where,
      orderBy: waiting ? [{ waitingSince: 'asc' }, { id: 'asc' }] : [{ lastMessageAt: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
      select: {
        id: true,
        channel: true,
        lastMessageAt: true,
        // Unread and waiting for reply (issue 13 point 1)
        unreadCount: true,
        waitingSince: true,
        ...assignmentSelect,
        client: { select: { id: true, name: true, phone: true, avatarUrl: true, status: true } },
        messages: {
          // WhatsApp stamps messages to the second: of two in one second, the later stored (by id, as the thread orders) is the preview.
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: 1,
          select: { id: true, content: true, direction: true, status: true, createdAt: true },
        },
      },
    }),
    db.conversation.count({ where }),
  ])
  const items = rows.map(({ messages, ...rest }) => ({ ...rest, lastMessage: messages[0] ?? null }))
  return { items, total, page: filter.page, pageSize: filter.pageSize }
}

/** One conversation the viewer may see; NOT_FOUND otherwise (another organization's, or hidden by "only their own"). */
export async function getConversation(organizationId: string, conversationId: string, viewer: Viewer) {
  const conversation = await db.conversation.findFirst({
    where: { AND: [await visibleConversationsWhere(organizationId, viewer), { id: conversationId }] },
    select: {
      id: true,
      channel: true,
      lastMessageAt: true,
      createdAt: true,
      unreadCount: true,
      waitingSince: true,
      ...assignmentSelect,
      client: {
        select: { id: true, name: true, phone: true, avatarUrl: true, status: true, preferredLanguage: true, whatsappId: true, optedOutAt: true },
      },
    },
  })
  if (!conversation) throw notFound('conversationNotFound')
  return conversation
}

export const messageSelect = {
  id: true,
  conversationId: true,
  content: true,
  direction: true,
  sender: true,
  senderId: true,
  status: true,
  language: true,
  error: true,
  createdAt: true,
  sentAt: true,
  deliveredAt: true,
  readAt: true,
  origin: true,
  deletedAt: true,
  editedAt: true,
  editHistory: true,
  quietUntil: true,
  mediaKind: true,
  mediaStatus: true,
  mediaError: true,
  mediaFileName: true,
  mediaMimeType: true,
  mediaSize: true,
  mediaFile: { select: { size: true, contentType: true } },
  location: true,
  contact: true,
} satisfies Prisma.MessageSelect

/**
 * A page of a conversation's messages, newest page first, returned oldest-to-newest for display.
 * `before` is a message id: the page ends just before it.
 */
export async function listMessages(organizationId: string, conversationId: string, limit: number, before: string | null | undefined, viewer: Viewer) {
  await getConversation(organizationId, conversationId, viewer)
  let older: Prisma.MessageWhereInput = {}
  if (before) {
    const anchor = await db.message.findFirst({ where: { id: before, organizationId, conversationId }, select: { id: true, createdAt: true } })
    if (!anchor) throw notFound('messageNotFound')
    // Strictly before the anchor in (createdAt, id) order, so messages sharing a timestamp are not skipped.
    older = { OR: [{ createdAt: { lt: anchor.createdAt } }, { createdAt: anchor.createdAt, id: { lt: anchor.id } }] }
  }
  const rows = await db.message.findMany({
    where: { organizationId, conversationId, ...older },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    select: messageSelect,
  })
  const hasMore = rows.length > limit
  const items = rows.slice(0, limit).reverse()
  return { items, hasMore, nextCursor: hasMore ? (items[0]?.id ?? null) : null }
}
