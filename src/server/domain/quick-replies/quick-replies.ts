/**
 * Quick replies (issue 13 point 4): saved replies an organization's admins keep, each with a shortcut,
 * a text (`{name}` becomes the client's name) and a language (or none: any language). Operators list
 * them in the composer's `/` picker; for a conversation the list comes in the client's language first
 * and with `{name}` filled (shared/quick-replies.ts, shared/personalize.ts).
 *
 * Writes run under a per-organization advisory lock: the cap is counted and the (shortcut, language)
 * pair checked before the row is written, null language included (the unique index lets NULLs through).
 */
import { db, type Prisma } from '../../db'
import { AppError, notFound } from '../../errors'
import { orgLogger } from '../../logger'
import { getConversation } from '../conversations/conversation-queries'
import type { Viewer } from '../conversations/visibility'
import { personalize } from '~/shared/personalize'
import { QUICK_REPLIES_MAX, quickReplyLanguageOf, rankQuickReplies, type QuickReplyLanguage } from '~/shared/quick-replies'

export interface QuickReplyFields {
  shortcut: string
  text: string
  language: QuickReplyLanguage | null
}

const quickReplySelect = {
  id: true,
  shortcut: true,
  text: true,
  language: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.QuickReplySelect

/**
 * The organization's quick replies. Without a conversation: by shortcut, then language (the admin list).
 * With one the viewer may see: in the picker's order for its client (their language first) and each
 * with `personalized`, its text with `{name}` filled; `client` tells the picker whose they are.
 */
export async function listQuickReplies(organizationId: string, viewer: Viewer, conversationId?: string) {
  const rows = await db.quickReply.findMany({
    where: { organizationId },
    orderBy: [{ shortcut: 'asc' }, { language: 'asc' }],
    select: quickReplySelect,
    take: QUICK_REPLIES_MAX,
  })
  if (!conversationId) return { client: null, items: rows.map((row) => ({ ...row, personalized: null as string | null })) }
  const { client } = await getConversation(organizationId, conversationId, viewer)
  const language = quickReplyLanguageOf(client.preferredLanguage)
  const items = rankQuickReplies(rows, '', language).map((row) => {
    const personalized: string | null = personalize(row.text, client.name)
    return { ...row, personalized }
  })
  return { client: { name: client.name, language }, items }
}

type Tx = Prisma.TransactionClient

/** Runs `work` holding the organization's quick-reply lock (released at commit or rollback). */
function withQuickReplyLock<T>(organizationId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtext(${`quick-replies:${organizationId}`}))`
    return work(tx)
  })
}

/** CONFLICT when another reply of the organization has this shortcut in this language. */
async function assertShortcutFree(tx: Tx, organizationId: string, fields: QuickReplyFields, exceptId?: string) {
  const taken = await tx.quickReply.findFirst({
    where: { organizationId, shortcut: fields.shortcut, language: fields.language, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  })
  if (taken) throw new AppError('CONFLICT', 'quickReplyDuplicate', { shortcut: fields.shortcut })
}

/** Adds a quick reply; CONFLICT for a taken (shortcut, language), BAD_REQUEST past QUICK_REPLIES_MAX. */
export async function createQuickReply(organizationId: string, userId: string, fields: QuickReplyFields) {
  const created = await withQuickReplyLock(organizationId, async (tx) => {
    const count = await tx.quickReply.count({ where: { organizationId } })
    if (count >= QUICK_REPLIES_MAX) throw new AppError('BAD_REQUEST', 'quickRepliesTooMany', { max: QUICK_REPLIES_MAX })
    await assertShortcutFree(tx, organizationId, fields)
    return tx.quickReply.create({
      data: { organizationId, ...fields, createdById: userId, updatedById: userId },
      select: quickReplySelect,
    })
  })
  orgLogger(organizationId).info({ quickReplyId: created.id, userId }, 'quick reply created')
  return created
}

/** Changes a quick reply of this organization; NOT_FOUND for anyone else's. */
export async function updateQuickReply(organizationId: string, userId: string, id: string, fields: QuickReplyFields) {
  const updated = await withQuickReplyLock(organizationId, async (tx) => {
    const existing = await tx.quickReply.findFirst({ where: { id, organizationId }, select: { id: true } })
    if (!existing) throw notFound('quickReplyNotFound')
    await assertShortcutFree(tx, organizationId, fields, id)
    return tx.quickReply.update({ where: { id }, data: { ...fields, updatedById: userId }, select: quickReplySelect })
  })
  orgLogger(organizationId).info({ quickReplyId: id, userId }, 'quick reply updated')
  return updated
}

/** Deletes a quick reply of this organization; NOT_FOUND for anyone else's (or one already gone). */
export async function deleteQuickReply(organizationId: string, userId: string, id: string) {
  const { count } = await db.quickReply.deleteMany({ where: { id, organizationId } })
  if (count === 0) throw notFound('quickReplyNotFound')
  orgLogger(organizationId).info({ quickReplyId: id, userId }, 'quick reply deleted')
  return { id }
}
