/**
 * Messages in and out per local day, and the operators' median first-response time per day (issue 16
 * point 3). Both are aggregate queries over one organization's messages of the range, read through the
 * covering index `messages_dashboard_cover` (organizationId, createdAt) INCLUDE (direction, sender,
 * status, conversationId, batchId) of migration 20261201230000_dashboard: an index-only scan of the range,
 * never the whole table, and no rollup to keep in step with imports, edits and acks.
 *
 * First response, precisely: a waiting period starts with a customer's (INCOMING) message when the
 * conversation is not already waiting, i.e. the previous counted message of the conversation is a human
 * reply, or there is none. It ends with the first human reply after it: an OUTGOING message written by a
 * person (sender HUMAN, in the CRM or on the business phone), not part of a bulk send, not SKIPPED.
 * Agent (AI) replies and bulk messages neither end nor start a waiting period. The response time is the
 * reply's time minus the starting message's time; it counts on the local day the customer wrote.
 * Periods not yet answered are counted apart (`unanswered`), not in the median. To see whether a message
 * near the start of the range continues an older waiting period, the query looks back LOOKBACK_DAYS more.
 */
import { db } from '../../db'
import type { DayRange } from './dashboard-days'

/** How far before the range the first-response query looks for the message before a customer's. */
export const FIRST_RESPONSE_LOOKBACK_DAYS = 7

export interface MessagesDay {
  day: string
  incoming: number
  /** Outgoing messages written on the day (pending, sent, delivered, read or failed; skipped ones never left). */
  outgoing: number
}

export interface FirstResponseDay {
  day: string
  /** Median seconds from the customer's first waiting message to the first human reply; null without any answered period. */
  medianSeconds: number | null
  /** Waiting periods that started on the day and were answered. */
  answered: number
  /** Waiting periods that started on the day and have no human reply yet. */
  unanswered: number
}

/** Messages in and out per local day of `range`, every day present (zeros included). */
export async function messagesPerDay(organizationId: string, timeZone: string, range: DayRange): Promise<MessagesDay[]> {
  const rows = await db.$queryRaw<Array<{ day: string; incoming: number; outgoing: number }>>`
    SELECT to_char(("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day,
           count(*) FILTER (WHERE direction = 'INCOMING')::int AS incoming,
           count(*) FILTER (WHERE direction = 'OUTGOING' AND status <> 'SKIPPED')::int AS outgoing
    FROM messages
    WHERE "organizationId" = ${organizationId} AND "createdAt" >= ${range.from} AND "createdAt" < ${range.to}
    GROUP BY 1`
  const byDay = new Map(rows.map((row) => [row.day, row]))
  return range.days.map((day) => ({ day, incoming: byDay.get(day)?.incoming ?? 0, outgoing: byDay.get(day)?.outgoing ?? 0 }))
}

/** The median first-response time per local day of `range` (see the module comment for the definition). */
export async function firstResponsePerDay(organizationId: string, timeZone: string, range: DayRange, now = new Date()): Promise<FirstResponseDay[]> {
  const lookback = new Date(range.from.getTime() - FIRST_RESPONSE_LOOKBACK_DAYS * 86_400_000)
  const rows = await db.$queryRaw<Array<{ day: string; medianSeconds: number | null; answered: number; unanswered: number }>>`
    WITH counted AS (
      SELECT "conversationId", "createdAt", id, direction = 'INCOMING' AS incoming
      FROM messages
      WHERE "organizationId" = ${organizationId} AND "createdAt" >= ${lookback} AND "createdAt" < ${now}
        AND (direction = 'INCOMING' OR (sender = 'HUMAN' AND "batchId" IS NULL AND status <> 'SKIPPED'))
    ), ordered AS (
      SELECT "createdAt", incoming,
             lag(incoming) OVER (PARTITION BY "conversationId" ORDER BY "createdAt", id) AS previous_incoming,
             -- Walking the conversation newest first, the smallest reply time seen so far is the next reply after this row.
             min(CASE WHEN NOT incoming THEN "createdAt" END) OVER (
               PARTITION BY "conversationId" ORDER BY "createdAt" DESC, id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
             ) AS reply_at
      FROM counted
    ), periods AS (
      SELECT to_char(("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day,
             extract(epoch FROM reply_at - "createdAt")::float8 AS seconds
      FROM ordered
      WHERE incoming AND previous_incoming IS DISTINCT FROM true AND "createdAt" >= ${range.from} AND "createdAt" < ${range.to}
    )
    SELECT day,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE seconds IS NOT NULL))::float8 AS "medianSeconds",
           count(seconds)::int AS answered,
           count(*) FILTER (WHERE seconds IS NULL)::int AS unanswered
    FROM periods GROUP BY day`
  const byDay = new Map(rows.map((row) => [row.day, row]))
  return range.days.map((day) => {
    const row = byDay.get(day)
    return { day, medianSeconds: row?.medianSeconds ?? null, answered: row?.answered ?? 0, unanswered: row?.unanswered ?? 0 }
  })
}
