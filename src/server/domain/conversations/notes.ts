/**
 * Private notes: the team's lines in a thread. A note is a ConversationEntry, never a Message: it is
 * not queued, not sent and never reaches the engine. `@Full Name` of a member (shared/
 * conversation-assignment.ts findMentions) stores a Mention for them and tells their open tabs at once;
 * one who is offline finds it in their list later.
 */
import { db } from '../../db'
import { AppError } from '../../errors'
import { getEventBus } from '../../events/event-bus'
import type { MentionView } from '../../events/event-types'
import { orgLogger } from '../../logger'
import { findMentions, NOTE_MAX_LENGTH } from '~/shared/conversation-assignment'
import { cleanMessageText } from '~/shared/message-text'
import type { Actor } from './assignment'
import { createEntry, publishEntry } from './conversation-entries'
import { assertConversationVisible } from './visibility'

/** How many mentions a user's list shows (newest first). */
export const MENTIONS_LIMIT = 50

/** Adds a note to a conversation the author may see; returns it with who it mentioned. */
export async function addNote(organizationId: string, author: Actor, conversationId: string, content: string) {
  const text = cleanMessageText(content).trim()
  if (!text) throw new AppError('BAD_REQUEST', 'emptyMessage')
  if (text.length > NOTE_MAX_LENGTH) throw new AppError('BAD_REQUEST', 'messageTooLong', { max: NOTE_MAX_LENGTH })
  await assertConversationVisible(organizationId, author, conversationId)
  const members = await db.user.findMany({ where: { organizationId, deactivatedAt: null }, select: { id: true, name: true } })
  const mentioned = findMentions(text, members).filter((m) => m.id !== author.id)
  const { entry, mentions } = await db.$transaction(async (tx) => {
    const entry = await createEntry(tx, { organizationId, conversationId, kind: 'NOTE', authorId: author.id, content: text, data: { authorName: author.name } })
    const mentions = await Promise.all(
      mentioned.map((m) =>
        tx.mention.create({
          data: { organizationId, userId: m.id, entryId: entry.id, conversationId },
          select: { id: true, userId: true, readAt: true, createdAt: true },
        }),
      ),
    )
    return { entry, mentions }
  })
  orgLogger(organizationId, { conversationId }).info({ by: author.id, entryId: entry.id, mentions: mentions.length }, 'note added')
  await publishEntry(organizationId, entry)
  const clientName = await db.conversation
    .findFirst({ where: { id: conversationId, organizationId }, select: { client: { select: { name: true, phone: true } } } })
    .then((c) => c?.client.name ?? c?.client.phone ?? null)
  for (const m of mentions) {
    const mention: MentionView = {
      id: m.id,
      conversationId,
      entryId: entry.id,
      readAt: m.readAt,
      createdAt: m.createdAt,
      authorName: author.name,
      excerpt: excerptOf(text),
      clientName,
    }
    await getEventBus()
      .publish(organizationId, { type: 'mention.created', data: { conversationId, userId: m.userId, mention } })
      .catch(() => undefined)
  }
  return { entry, mentionedUserIds: mentions.map((m) => m.userId) }
}

const excerptOf = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text)

/** The user's own mentions, newest first, with the unread count. */
export async function listMentions(organizationId: string, userId: string) {
  const [rows, unread] = await Promise.all([
    db.mention.findMany({
      where: { organizationId, userId },
      orderBy: { createdAt: 'desc' },
      take: MENTIONS_LIMIT,
      select: {
        id: true,
        conversationId: true,
        entryId: true,
        readAt: true,
        createdAt: true,
        entry: { select: { content: true, data: true, conversation: { select: { client: { select: { name: true, phone: true } } } } } },
      },
    }),
    db.mention.count({ where: { organizationId, userId, readAt: null } }),
  ])
  const items: MentionView[] = rows.map(({ entry, ...m }) => ({
    ...m,
    authorName: ((entry.data as Record<string, unknown> | null)?.authorName as string | undefined) ?? null,
    excerpt: excerptOf(entry.content),
    clientName: entry.conversation.client.name ?? entry.conversation.client.phone ?? null,
  }))
  return { items, unread }
}

/** Marks the user's mentions read: all, or those of one conversation. */
export async function markMentionsRead(organizationId: string, userId: string, conversationId?: string) {
  const { count } = await db.mention.updateMany({
    where: { organizationId, userId, readAt: null, ...(conversationId ? { conversationId } : {}) },
    data: { readAt: new Date() },
  })
  return { marked: count }
}
