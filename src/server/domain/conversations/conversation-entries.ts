/**
 * Thread entries that are not WhatsApp messages: private notes and system lines (assigned, resolved,
 * reopened, snoozed). They live in their own table, so nothing that sends (the send queue, the outbox
 * relay, retries) can ever pick one up; the thread shows them between the messages by time.
 */
import { db, type Prisma } from '../../db'
import type { ConversationEntryKind } from '../../db/generated/enums'
import { getEventBus } from '../../events/event-bus'
import type { ConversationEntryView } from '../../events/event-types'
import { assertConversationVisible, type Viewer } from './visibility'

type Tx = Prisma.TransactionClient | typeof db

export const entrySelect = {
  id: true,
  conversationId: true,
  kind: true,
  authorId: true,
  content: true,
  data: true,
  createdAt: true,
} satisfies Prisma.ConversationEntrySelect

/** The newest entries a thread loads (older ones are not shown; a thread rarely has this many). */
export const ENTRIES_LIMIT = 200

export interface NewEntry {
  organizationId: string
  conversationId: string
  kind: ConversationEntryKind
  authorId: string | null
  content?: string
  data?: Record<string, string | null>
}

export function createEntry(tx: Tx, entry: NewEntry): Promise<ConversationEntryView> {
  return tx.conversationEntry.create({
    data: {
      organizationId: entry.organizationId,
      conversationId: entry.conversationId,
      kind: entry.kind,
      authorId: entry.authorId,
      content: entry.content ?? '',
      data: entry.data ?? {},
    },
    select: entrySelect,
  })
}

/** Tells open threads about a new entry (never fails the work that made it). */
export async function publishEntry(organizationId: string, entry: ConversationEntryView): Promise<void> {
  await getEventBus()
    .publish(organizationId, { type: 'conversation.entry', data: { conversationId: entry.conversationId, entry } })
    .catch(() => undefined)
}

/** The newest ENTRIES_LIMIT entries of a conversation the viewer may see, oldest first. */
export async function listEntries(organizationId: string, viewer: Viewer, conversationId: string): Promise<ConversationEntryView[]> {
  await assertConversationVisible(organizationId, viewer, conversationId)
  const rows = await db.conversationEntry.findMany({
    where: { organizationId, conversationId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: ENTRIES_LIMIT,
    select: entrySelect,
  })
  return rows.reverse()
}

/** A user's display name, for system lines (null when the id is no user of the organization). */
export async function userName(organizationId: string, userId: string | null): Promise<string | null> {
  if (!userId) return null
  const user = await db.user.findFirst({ where: { id: userId, organizationId }, select: { name: true } })
  return user?.name ?? null
}
