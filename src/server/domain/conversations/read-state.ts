/**
 * Unread and "waiting for reply" (issue 13 point 1): counters kept on the conversation row as messages
 * are stored, so lists and the navigation read them without counting messages.
 *
 * - The read marker is one per conversation for the whole organization (`lastReadAt`, `lastReadById`),
 *   like a shared inbox: when any operator of the organization opens the conversation, it is read for
 *   the team. `unreadCount` is the number of customer messages stored since: +1 for each new incoming
 *   message (history imports bring old, already-read messages and count nothing), 0 when an operator
 *   opens the conversation or a person answers (in the CRM or on the business phone).
 * - "Waiting for reply": the last message is the customer's. `waitingSince` is when the oldest customer
 *   message after our latest reply was written (how long the customer has waited); any reply of ours
 *   (a person's, from the CRM or the phone, or an agent's) ends it. Bulk messages are not replies: a
 *   broadcast does not answer a customer's question. `lastReplyAt` keeps a customer message written
 *   before our latest reply (history arriving late) from starting a wait.
 * - Updates are single-row statements ordered by the row lock, so concurrent messages cannot lose a count.
 */
import { db, type Prisma } from '../../db'
import { sql, type SqlStatement } from '../../db-sql'
import { notFound } from '../../errors'
import { orgLogger } from '../../logger'
import { fireAndForget, publishConversation } from '../messages/message-events'
import { getWhatsAppSettings } from '../settings/settings-service'
import { assertConversationVisible, visibleConversationsWhere, type Viewer } from './visibility'

type Tx = Prisma.TransactionClient | typeof db

/** WhatsApp's timestamps are whole seconds: a customer message is only surely older than our reply when its whole second is. */
const TIMESTAMP_GRAIN_MS = 999

/** A new customer message was stored (inside the storing transaction): one more unread; the customer waits. */
export async function recordCustomerMessage(conversationId: string, writtenAt: Date, tx: Tx = db): Promise<void> {
  await tx.conversation.update({ where: { id: conversationId }, data: { unreadCount: { increment: 1 } }, select: { id: true } })
  // One conditional statement (its WHERE is re-checked on the locked row): the wait starts at the oldest
  // customer message written after our latest reply, whatever order messages are stored in.
  const latestPossible = new Date(writtenAt.getTime() + TIMESTAMP_GRAIN_MS)
  await tx.conversation.updateMany({
    where: {
      id: conversationId,
      AND: [{ OR: [{ lastReplyAt: null }, { lastReplyAt: { lt: latestPossible } }] }, { OR: [{ waitingSince: null }, { waitingSince: { gt: writtenAt } }] }],
    },
    data: { waitingSince: writtenAt },
  })
}

/** The conversation after a customer message was recorded on it (for the event announcing it). */
export interface RecordedCustomerMessage {
  clientId: string
  lastMessageAt: Date | null
  unreadCount: number
  waitingSince: Date | null
  /** The conversation was resolved or snoozed before and is open again now. */
  reopened: boolean
}

/** What incomingConversationUpdate's statement returns. */
export type RecordedRow = Omit<RecordedCustomerMessage, 'reopened'> & { previous: string }

/**
 * A new customer message was stored (inside the storing transaction, the conversation row locked by
 * lockIncomingConversation): in one statement, lastMessageAt moves forward (never back), one more
 * unread, the wait starts as in recordCustomerMessage, and a resolved or snoozed conversation opens
 * again (conversation-status.ts records the REOPENED entry). What the same three updates did one by one.
 * The statement alone, to run inside a larger one (a data-modifying CTE): `onlyIf` must hold too.
 */
export function incomingConversationUpdate(conversationId: string, writtenAt: Date, onlyIf: SqlStatement = sql`TRUE`): SqlStatement {
  // Epoch milliseconds, turned into the columns' UTC timestamps by PostgreSQL whatever the session's time zone.
  const at = writtenAt.getTime()
  const latestPossible = at + TIMESTAMP_GRAIN_MS
  // The status before the update comes from a subquery (it reads the statement's snapshot), not a CTE: a
  // data-modifying statement nested in another's WITH may not have a WITH of its own.
  return sql`
    UPDATE conversations c SET
      "lastMessageAt" = CASE WHEN c."lastMessageAt" IS NULL OR c."lastMessageAt" < (to_timestamp(${at}::double precision / 1000) AT TIME ZONE 'UTC')
        THEN (to_timestamp(${at}::double precision / 1000) AT TIME ZONE 'UTC') ELSE c."lastMessageAt" END,
      "unreadCount" = c."unreadCount" + 1,
      "waitingSince" = CASE
        WHEN (c."lastReplyAt" IS NULL OR c."lastReplyAt" < (to_timestamp(${latestPossible}::double precision / 1000) AT TIME ZONE 'UTC'))
          AND (c."waitingSince" IS NULL OR c."waitingSince" > (to_timestamp(${at}::double precision / 1000) AT TIME ZONE 'UTC'))
        THEN (to_timestamp(${at}::double precision / 1000) AT TIME ZONE 'UTC') ELSE c."waitingSince" END,
      status = 'OPEN',
      "snoozedUntil" = CASE WHEN c.status <> 'OPEN' THEN NULL ELSE c."snoozedUntil" END,
      "updatedAt" = now() AT TIME ZONE 'UTC'
    FROM (SELECT status FROM conversations WHERE id = ${conversationId}) previous
    WHERE c.id = ${conversationId} AND ${onlyIf}
    RETURNING c."clientId", c."lastMessageAt", c."unreadCount", c."waitingSince", previous.status::text AS previous`
}

/** The figures of the conversation after incomingConversationUpdate (null: the conversation is gone). */
export function recordedFrom(conversationId: string, row: RecordedRow | undefined): RecordedCustomerMessage {
  if (!row) throw new Error(`conversation ${conversationId} vanished while a message was stored`)
  const { previous, ...rest } = row
  return { ...rest, reopened: previous !== 'OPEN' }
}

/**
 * One of our messages was stored: a reply ends the customer's wait (unless the wait began after it);
 * a person's reply also means the conversation was read (`readerId`: the operator, or null for the phone).
 */
export async function recordReply(
  conversationId: string,
  writtenAt: Date,
  options: { byPerson: boolean; readerId?: string | null },
  tx: Tx = db,
): Promise<void> {
  await tx.conversation.updateMany({
    where: { id: conversationId, OR: [{ lastReplyAt: null }, { lastReplyAt: { lt: writtenAt } }] },
    data: { lastReplyAt: writtenAt },
  })
  await tx.conversation.updateMany({ where: { id: conversationId, waitingSince: { lte: writtenAt } }, data: { waitingSince: null } })
  if (options.byPerson) {
    await tx.conversation.updateMany({
      where: { id: conversationId },
      data: { unreadCount: 0, lastReadAt: writtenAt, lastReadById: options.readerId ?? null },
    })
  }
}

export interface ReadState {
  unreadCount: number
  waitingSince: Date | null
  lastReplyAt: Date | null
  lastReadAt: Date | null
}

/**
 * The state of one conversation made of two (a customer's two records merged, merge-clients.ts): the
 * unread add up, the latest reply and read count, and the wait is the older one still unanswered.
 */
export function mergeReadStates(a: ReadState, b: ReadState): ReadState {
  const latest = (x: Date | null, y: Date | null) => (x && y ? (x > y ? x : y) : (x ?? y))
  const lastReplyAt = latest(a.lastReplyAt, b.lastReplyAt)
  const waits = [a.waitingSince, b.waitingSince].filter(
    (w): w is Date => w !== null && (!lastReplyAt || w.getTime() + TIMESTAMP_GRAIN_MS > lastReplyAt.getTime()),
  )
  return {
    unreadCount: a.unreadCount + b.unreadCount,
    waitingSince: waits.length ? new Date(Math.min(...waits.map((w) => w.getTime()))) : null,
    lastReplyAt,
    lastReadAt: latest(a.lastReadAt, b.lastReadAt),
  }
}

export interface MarkReadDeps {
  /** Marks the chat read on WhatsApp (the session manager's sendSeen); failures are logged, not thrown. */
  sendSeen: (organizationId: string, chatId: string) => Promise<void>
}

/**
 * An operator opened the conversation: it is read for the organization (unread 0, the marker moves),
 * and, when there was something unread and the organization sends read receipts (WhatsApp setting, on by
 * default), the customer's chat is marked read on WhatsApp. Another organization's conversation is not found.
 */
export async function markConversationRead(
  organizationId: string,
  conversationId: string,
  viewer: Viewer,
  deps: MarkReadDeps,
): Promise<{ unreadCount: 0; wasUnread: number; readReceipt: boolean }> {
  // Hidden from this operator ("operators see only their own"): not found, like another organization's.
  await assertConversationVisible(organizationId, viewer, conversationId)
  const userId = viewer.id
  const wasUnread = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ unreadCount: number }>>`
      SELECT "unreadCount" FROM conversations WHERE id = ${conversationId} AND "organizationId" = ${organizationId} FOR UPDATE`
    if (!locked[0]) throw notFound('conversationNotFound')
    await tx.conversation.update({
      where: { id: conversationId },
      data: { unreadCount: 0, lastReadAt: new Date(), lastReadById: userId },
      select: { id: true },
    })
    return locked[0].unreadCount
  })
  let readReceipt = false
  if (wasUnread > 0) {
    const [settings, conversation] = await Promise.all([
      getWhatsAppSettings(organizationId),
      db.conversation.findFirst({ where: { id: conversationId, organizationId }, select: { client: { select: { whatsappId: true } } } }),
    ])
    const chatId = conversation?.client.whatsappId
    if (settings.inbox.sendReadReceipts && chatId) {
      readReceipt = true
      await deps.sendSeen(organizationId, chatId).catch((err: Error) => {
        orgLogger(organizationId, { component: 'read-receipts' }).info({ err: err.message, conversationId }, 'read receipt not sent')
      })
    }
    fireAndForget(publishConversation(organizationId, conversationId))
  }
  return { unreadCount: 0, wasUnread, readReceipt }
}

/**
 * The navigation's figures, over the open conversations this viewer sees (the Waiting filter's list):
 * how many wait for a reply, how many have unread messages, and the colour thresholds.
 */
export async function inboxCounts(organizationId: string, viewer: Viewer) {
  const visible = await visibleConversationsWhere(organizationId, viewer)
  const open = { AND: [visible, { status: 'OPEN' as const }] }
  const [waiting, unread, settings] = await Promise.all([
    db.conversation.count({ where: { AND: [open, { waitingSince: { not: null } }] } }),
    db.conversation.count({ where: { AND: [open, { unreadCount: { gt: 0 } }] } }),
    getWhatsAppSettings(organizationId),
  ])
  return { waiting, unread, amberMinutes: settings.inbox.waitingAmberMinutes, redMinutes: settings.inbox.waitingRedMinutes }
}
