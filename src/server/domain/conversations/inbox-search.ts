/**
 * Inbox search: one query finds conversations by client name or phone, and messages by their text, in
 * Russian, Kyrgyz and English, with partial words, case-insensitively, and with Kyrgyz letters typed
 * without their marks (ң→н, ө→о, ү→у, and ё→е). Always scoped by organization.
 *
 * PostgreSQL does the work: GIN trigram indexes (pg_trgm, with btree_gin for the organization column)
 * over `soul_fold(text)`, a SQL function of migration 20261201023922_inbox_search that folds exactly as
 * `foldSearchText` (src/shared/fold-text.ts). A substring match is `soul_fold(column) LIKE '%<folded query>%'`, which the
 * trigram index answers for queries of three characters or more; shorter queries search names and phones
 * only (the clients of one organization, a small table).
 *
 * Each message hit carries a snippet split around the match (before, match, after) for highlighting, and
 * the conversation it belongs to, so the UI can jump to it in the thread.
 */
import { db } from '../../db'
import { Prisma } from '../../db/generated/client'
import { foldSearchText } from '~/shared/fold-text'

/** Shortest query at all, and shortest that searches message texts (a trigram is three characters). */
export const SEARCH_MIN_CHARS = 2
export const MESSAGE_SEARCH_MIN_CHARS = 3
export const SEARCH_MAX_CHARS = 100
/** Characters of context shown before and after a match. */
const SNIPPET_BEFORE = 40
const SNIPPET_AFTER = 80

/** A LIKE pattern that matches `text` literally anywhere. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export interface Snippet {
  before: string
  match: string
  after: string
}

/** The match in `content` (by folded comparison) with some context either side; null if absent. */
export function snippetOf(content: string, foldedQuery: string): Snippet | null {
  const chars = [...content]
  const folded = [...foldSearchText(content)]
  const query = [...foldedQuery]
  const start = indexOfChars(folded, query)
  if (start < 0) return null
  const end = start + query.length
  const from = Math.max(0, start - SNIPPET_BEFORE)
  const to = Math.min(chars.length, end + SNIPPET_AFTER)
  return {
    before: (from > 0 ? '…' : '') + chars.slice(from, start).join('').replace(/\s+/g, ' '),
    match: chars.slice(start, end).join(''),
    after: chars.slice(end, to).join('').replace(/\s+/g, ' ') + (to < chars.length ? '…' : ''),
  }
}

function indexOfChars(haystack: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer
    return i
  }
  return -1
}

export interface InboxSearchResult {
  conversations: Array<{
    conversationId: string
    lastMessageAt: Date | null
    client: { id: string; name: string | null; phone: string | null }
    matched: 'name' | 'phone'
  }>
  messages: Array<{
    id: string
    conversationId: string
    direction: string
    createdAt: Date
    client: { id: string; name: string | null; phone: string | null }
    snippet: Snippet
  }>
  /** Message texts are searched only from MESSAGE_SEARCH_MIN_CHARS characters on. */
  messagesSearched: boolean
}

interface ConversationRow {
  conversationId: string
  lastMessageAt: Date | null
  clientId: string
  name: string | null
  phone: string | null
}

interface MessageRow {
  id: string
  conversationId: string
  direction: string
  createdAt: Date
  content: string
  clientId: string
  name: string | null
  phone: string | null
}

/**
 * Conversations whose client's name or phone contains the query, newest first, and messages whose text
 * contains it, newest first; at most `limit` of each. `visible` narrows conversations further (an
 * operator who sees only some); it is a SQL condition on the conversation alias `c`.
 */
export async function searchInbox(organizationId: string, query: string, options: { limit: number; visible?: Prisma.Sql }): Promise<InboxSearchResult> {
  const folded = foldSearchText(query.trim())
  const pattern = containsPattern(folded)
  const digits = query.replace(/\D/g, '')
  const visible = options.visible ?? Prisma.sql`TRUE`
  // Only when narrowed: a semi-join the planner would otherwise run per conversation (40 s on 800k messages).
  const visibleMessages = options.visible
    ? Prisma.sql` AND "conversationId" IN (SELECT c."id" FROM "conversations" c WHERE c."organizationId" = ${organizationId} AND ${options.visible})`
    : Prisma.empty
  const phoneMatch = digits.length >= 3 ? Prisma.sql`coalesce(cl."phone", '') LIKE ${containsPattern(digits)}` : Prisma.sql`FALSE`

  // Clients first (their trigram indexes), then their conversations: never a pass over every conversation.
  const conversationsQuery = db.$queryRaw<ConversationRow[]>`
    WITH matched AS MATERIALIZED (
      SELECT cl."id", cl."name", cl."phone" FROM "clients" cl
      WHERE cl."organizationId" = ${organizationId} AND (soul_fold(coalesce(cl."name", '')) LIKE ${pattern} OR ${phoneMatch})
    )
    SELECT c."id" AS "conversationId", c."lastMessageAt", m."id" AS "clientId", m."name", m."phone"
    FROM matched m JOIN "conversations" c ON c."clientId" = m."id"
    WHERE c."organizationId" = ${organizationId} AND ${visible}
    ORDER BY c."lastMessageAt" DESC NULLS LAST, c."id"
    LIMIT ${options.limit}`

  const messagesSearched = [...folded].length >= MESSAGE_SEARCH_MIN_CHARS
  const messagesQuery = messagesSearched
    ? db.$queryRaw<MessageRow[]>`
        SELECT m."id", m."conversationId", m."direction"::text AS "direction", m."createdAt", m."content",
               cl."id" AS "clientId", cl."name", cl."phone"
        FROM (
          SELECT "id", "conversationId", "direction", "createdAt", "content" FROM "messages"
          WHERE "organizationId" = ${organizationId} AND soul_fold("content") LIKE ${pattern}${visibleMessages}
          ORDER BY "createdAt" DESC, "id" DESC
          LIMIT ${options.limit}
        ) m
          JOIN "conversations" c ON c."id" = m."conversationId"
          JOIN "clients" cl ON cl."id" = c."clientId"
        ORDER BY m."createdAt" DESC, m."id" DESC`
    : Promise.resolve([] as MessageRow[])

  const [conversations, messages] = await Promise.all([conversationsQuery, messagesQuery])
  return {
    conversations: conversations.map((row) => ({
      conversationId: row.conversationId,
      lastMessageAt: row.lastMessageAt,
      client: { id: row.clientId, name: row.name, phone: row.phone },
      matched: foldSearchText(row.name ?? '').includes(folded) ? 'name' : 'phone',
    })),
    messages: messages.flatMap((row) => {
      const snippet = snippetOf(row.content, folded)
      if (!snippet) return []
      return [
        {
          id: row.id,
          conversationId: row.conversationId,
          direction: row.direction,
          createdAt: row.createdAt,
          client: { id: row.clientId, name: row.name, phone: row.phone },
          snippet,
        },
      ]
    }),
    messagesSearched,
  }
}
