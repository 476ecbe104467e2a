/**
 * What became of the outgoing messages written on each local day (issue 16 point 3): read, delivered
 * (not read yet, or read receipts off), failed, and sent without a receipt yet. Counted by their current
 * status (shared/message-status: a message only moves forward), so a day's bars fill in as acks arrive.
 * Pending and skipped messages are left out (not out yet, or never sent on purpose). Same covering index
 * as message-activity.ts.
 */
import { db } from '../../db'
import type { DayRange } from './dashboard-days'

export interface DeliveryDay {
  day: string
  read: number
  delivered: number
  failed: number
  sent: number
}

/** Outgoing messages of each local day of `range` by their outcome, every day present. */
export async function deliveryOutcomesPerDay(organizationId: string, timeZone: string, range: DayRange): Promise<DeliveryDay[]> {
  const rows = await db.$queryRaw<DeliveryDay[]>`
    SELECT to_char(("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day,
           count(*) FILTER (WHERE status = 'READ')::int AS read,
           count(*) FILTER (WHERE status = 'DELIVERED')::int AS delivered,
           count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
           count(*) FILTER (WHERE status = 'SENT')::int AS sent
    FROM messages
    WHERE "organizationId" = ${organizationId} AND "createdAt" >= ${range.from} AND "createdAt" < ${range.to}
      AND direction = 'OUTGOING' AND status IN ('READ', 'DELIVERED', 'FAILED', 'SENT')
    GROUP BY 1`
  const byDay = new Map(rows.map((row) => [row.day, row]))
  return range.days.map((day) => {
    const row = byDay.get(day)
    return { day, read: row?.read ?? 0, delivered: row?.delivered ?? 0, failed: row?.failed ?? 0, sent: row?.sent ?? 0 }
  })
}
