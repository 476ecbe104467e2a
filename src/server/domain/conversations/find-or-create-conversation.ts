/** Finds or creates the conversation of a client on a channel (one per organization, client and channel). */
import { db, type Prisma } from '../../db'
import { sql, type SqlRunner } from '../../db-sql'
import type { CommunicationChannel } from '../../db/generated/enums'

type Tx = Prisma.TransactionClient | typeof db

export async function findOrCreateConversation(
  organizationId: string,
  clientId: string,
  channel: CommunicationChannel = 'WHATSAPP',
  tx: Tx = db,
): Promise<{ id: string; created: boolean }> {
  const existing = await tx.conversation.findUnique({
    where: { organizationId_clientId_channel: { organizationId, clientId, channel } },
    select: { id: true },
  })
  if (existing) return { id: existing.id, created: false }
  // INSERT … ON CONFLICT DO NOTHING, then read: two callers creating the same conversation at once (an
  // operator's first reply racing the customer's first message) both get the one row. Prisma's upsert is
  // a read then an insert here, and the loser failed with P2002 (the Redis fault test met it).
  const inserted = await tx.conversation.createMany({ data: [{ organizationId, clientId, channel }], skipDuplicates: true })
  const row = await tx.conversation.findUniqueOrThrow({
    where: { organizationId_clientId_channel: { organizationId, clientId, channel } },
    select: { id: true },
  })
  return { id: row.id, created: inserted.count === 1 }
}

/** Moves lastMessageAt forward (never back: history may arrive out of order). */
export async function touchConversation(conversationId: string, at: Date, tx: Tx = db): Promise<void> {
  await tx.conversation.updateMany({
    where: { id: conversationId, OR: [{ lastMessageAt: null }, { lastMessageAt: { lt: at } }] },
    data: { lastMessageAt: at },
  })
}

/** What storing a customer's message needs to know of its conversation and organization, read once under the row lock. */
export interface IncomingConversation {
  id: string
  created: boolean
  /** Before this message (a resolved or snoozed conversation reopens with it). */
  status: string
  assigneeId: string | null
  /** The organization's `settings.assignment` as stored ({} when none; undefined when the conversation was just created: read when needed). */
  assignment: unknown
  /** Whether the organization has clients known only by a hidden-number id (identity-resolution.ts asks WhatsApp then). */
  lidOnlyClientsExist: boolean | null
  /** The client's latest messages of theirs (not deleted), newest first, at most RECENT_SAMPLE_ROWS: the language vote's evidence (client-language.ts). */
  recent: RecentClientMessage[]
}

export interface RecentClientMessage {
  content: string
  language: string | null
  metadata: unknown
  editedAt: Date | null
  createdAt: Date
}

/** As many recent messages as the language vote reads (client-language.ts RECENT_MESSAGES, twice, for empty texts and placeholders). */
export const RECENT_SAMPLE_ROWS = 40

/**
 * The client's WhatsApp conversation, locked for the rest of the transaction (an operator resolving it
 * meanwhile waits, so a reopen is never missed), with the organization's facts the steps after the
 * commit need: one statement instead of three. Null when the client has none yet (the caller creates it,
 * findOrCreateConversation). Runs through Prisma or straight on the pool (db-sql.ts).
 */
export async function lockIncomingConversation(run: SqlRunner, organizationId: string, clientId: string): Promise<IncomingConversation | null> {
  const rows = await run.rows<{
    id: string
    status: string
    assigneeId: string | null
    assignment: unknown
    lidOnly: boolean
    recent: Array<Record<string, unknown>> | null
  }>(sql`
    SELECT c.id, c.status::text AS status, c."assigneeId", o.settings -> 'assignment' AS assignment,
      EXISTS (SELECT 1 FROM clients l WHERE l."organizationId" = ${organizationId} AND l.lid IS NOT NULL AND l.phone IS NULL) AS "lidOnly",
      (SELECT json_agg(r) FROM (
        SELECT m.content, m.language, m.metadata, m."editedAt", m."createdAt" FROM messages m JOIN conversations mc ON mc.id = m."conversationId"
        WHERE m."organizationId" = ${organizationId} AND mc."organizationId" = ${organizationId} AND mc."clientId" = ${clientId}
          AND m.direction = 'INCOMING' AND m.sender = 'CLIENT' AND m."deletedAt" IS NULL
        ORDER BY m."createdAt" DESC, m.id DESC LIMIT ${RECENT_SAMPLE_ROWS}) r) AS recent
    FROM conversations c JOIN organizations o ON o.id = c."organizationId"
    WHERE c."organizationId" = ${organizationId} AND c."clientId" = ${clientId} AND c.channel = 'WHATSAPP'
    FOR UPDATE OF c`)
  const row = rows[0]
  if (!row) return null
  return {
    id: row.id,
    created: false,
    status: row.status,
    assigneeId: row.assigneeId,
    assignment: row.assignment ?? {},
    lidOnlyClientsExist: row.lidOnly,
    recent: (row.recent ?? []).map(recentFromJson),
  }
}

/** The client's first WhatsApp conversation, created in the caller's transaction (lockIncomingConversation found none). */
export async function createIncomingConversation(tx: Prisma.TransactionClient, organizationId: string, clientId: string): Promise<IncomingConversation> {
  const created = await findOrCreateConversation(organizationId, clientId, 'WHATSAPP', tx)
  // A client without a WhatsApp conversation may still have messages elsewhere: the vote then reads them itself (recent: []).
  return { id: created.id, created: created.created, status: 'OPEN', assigneeId: null, assignment: undefined, lidOnlyClientsExist: null, recent: [] }
}

/** json_agg gives timestamps as text without a zone: they are the columns' UTC values. */
function recentFromJson(r: Record<string, unknown>): RecentClientMessage {
  const utc = (v: unknown) => (typeof v === 'string' ? new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`) : null)
  return {
    content: typeof r.content === 'string' ? r.content : '',
    language: typeof r.language === 'string' ? r.language : null,
    metadata: r.metadata ?? null,
    editedAt: utc(r.editedAt),
    createdAt: utc(r.createdAt) ?? new Date(0),
  }
}
