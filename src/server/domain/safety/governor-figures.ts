/**
 * The governor's figures and rule (issue 12 point 1): what WhatsApp answered to an organization's
 * recent bulk and agent sends (send-guard.ts isGuardedSend), read from the messages table in one
 * bounded query, and which risk threshold (if any) they cross.
 *
 * The rolling window is the newest `windowSends` guarded sends, none older than `windowHours` nor
 * older than the last resume (a resume starts a fresh window, or the old figures would pause again at
 * once). Each figure uses the sends it can judge: failures and "not on WhatsApp" the sends WhatsApp
 * answered; "never delivered" the sends older than the delivery timeout; the reply rate the sends
 * older than the reply wait. The query walks the (organizationId, sendAttemptAt) and
 * (organizationId, sentAt) indexes and reads at most 3 × windowSends rows (plus one index probe per
 * reply-rate row).
 */
import { db } from '../../db'
import type { GovernorFigures, GovernorTrip } from '../../events/event-types'
import type { WhatsAppSettings } from '~/shared/whatsapp-settings'

export type GovernorSettings = WhatsAppSettings['governor']

/** One row of the window query: the figures without their start. */
type FigureRow = Omit<GovernorFigures, 'since'>

/** The start of the window: `windowHours` ago, or the last resume if that is later. */
export function windowStart(settings: GovernorSettings, lastResumeAt: Date | null, now: Date): Date {
  const byTime = new Date(now.getTime() - settings.windowHours * 3_600_000)
  return lastResumeAt && lastResumeAt > byTime ? lastResumeAt : byTime
}

/** The organization's figures over the window (see the module comment). */
export async function readGovernorFigures(organizationId: string, settings: GovernorSettings, since: Date, now = new Date()): Promise<GovernorFigures> {
  const limit = settings.windowSends
  const deliveryCutoff = new Date(now.getTime() - settings.deliveryTimeoutMinutes * 60_000)
  const replyCutoff = new Date(now.getTime() - settings.replyWaitMinutes * 60_000)
  const rows = await db.$queryRaw<FigureRow[]>`
    WITH answered AS (
      SELECT status, "skipReason" FROM messages
      WHERE "organizationId" = ${organizationId} AND direction = 'OUTGOING' AND "sendAttemptAt" >= ${since}
        AND (sender = 'AI' OR "batchId" IS NOT NULL)
        AND NOT (status = 'PENDING' AND "whatsappMessageId" IS NULL)
      ORDER BY "sendAttemptAt" DESC LIMIT ${limit}
    ), matured AS (
      SELECT status, "deliveredAt", "readAt" FROM messages
      WHERE "organizationId" = ${organizationId} AND direction = 'OUTGOING' AND "sentAt" >= ${since} AND "sentAt" <= ${deliveryCutoff}
        AND (sender = 'AI' OR "batchId" IS NOT NULL) AND status <> 'FAILED'
      ORDER BY "sentAt" DESC LIMIT ${limit}
    ), replies AS (
      SELECT "conversationId", "sentAt" FROM messages
      WHERE "organizationId" = ${organizationId} AND direction = 'OUTGOING' AND "sentAt" >= ${since} AND "sentAt" <= ${replyCutoff}
        AND (sender = 'AI' OR "batchId" IS NOT NULL) AND status <> 'FAILED'
      ORDER BY "sentAt" DESC LIMIT ${limit}
    )
    SELECT
      (SELECT count(*) FROM answered)::int AS "answered",
      (SELECT count(*) FROM answered WHERE status = 'FAILED')::int AS "failed",
      (SELECT count(*) FROM answered WHERE status = 'SKIPPED' AND "skipReason" = 'NOT_ON_WHATSAPP')::int AS "notOnWhatsApp",
      (SELECT count(*) FROM matured)::int AS "matured",
      (SELECT count(*) FROM matured WHERE status IN ('PENDING', 'SENT') AND "deliveredAt" IS NULL AND "readAt" IS NULL)::int AS "undelivered",
      (SELECT count(*) FROM replies)::int AS "replyMatured",
      (SELECT count(*) FROM replies r WHERE EXISTS (
        SELECT 1 FROM messages i WHERE i."conversationId" = r."conversationId" AND i.direction = 'INCOMING' AND i."createdAt" > r."sentAt"
      ))::int AS "replied"`
  const row = rows[0]!
  return { since, ...row }
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10)

/**
 * The first threshold the figures cross, or null. A rate is judged only on at least `minSample`
 * sends; a maximum is crossed when the share is above it, the reply minimum when the share is below it.
 */
export function judgeFigures(figures: GovernorFigures, settings: GovernorSettings): GovernorTrip | null {
  const enough = (n: number) => n >= settings.minSample
  const checks: Array<GovernorTrip & { crossed: boolean }> = [
    {
      reason: 'FAILED',
      percent: share(figures.failed, figures.answered),
      limitPercent: settings.maxFailedPercent,
      sample: figures.answered,
      crossed: enough(figures.answered) && figures.failed * 100 > settings.maxFailedPercent * figures.answered,
    },
    {
      reason: 'NOT_ON_WHATSAPP',
      percent: share(figures.notOnWhatsApp, figures.answered),
      limitPercent: settings.maxNotOnWhatsAppPercent,
      sample: figures.answered,
      crossed: enough(figures.answered) && figures.notOnWhatsApp * 100 > settings.maxNotOnWhatsAppPercent * figures.answered,
    },
    {
      reason: 'UNDELIVERED',
      percent: share(figures.undelivered, figures.matured),
      limitPercent: settings.maxUndeliveredPercent,
      sample: figures.matured,
      crossed: enough(figures.matured) && figures.undelivered * 100 > settings.maxUndeliveredPercent * figures.matured,
    },
    {
      reason: 'LOW_REPLIES',
      percent: share(figures.replied, figures.replyMatured),
      limitPercent: settings.minReplyPercent,
      sample: figures.replyMatured,
      crossed: settings.minReplyPercent > 0 && enough(figures.replyMatured) && figures.replied * 100 < settings.minReplyPercent * figures.replyMatured,
    },
  ]
  const trip = checks.find((c) => c.crossed)
  if (!trip) return null
  const { crossed: _crossed, ...rest } = trip
  return rest
}
