/**
 * The sending governor (issue 12 point 1): when WhatsApp's answers to an organization's bulk and agent
 * sends look like a number heading for a ban (governor-figures.ts), those sends pause until an admin
 * resumes them. Human replies never pause. Paused jobs wait in the queue (the send processor re-delays
 * them without spending an attempt) and go after the resume; none is lost or failed.
 *
 * The state is the organization's latest governor_events row (PAUSED = paused); every pause (by the
 * system, with the threshold and figures) and resume (by a user) is a row, so the log is the state.
 * Pause and resume take a per-organization advisory lock, so racing workers record one pause.
 * The figures are evaluated by the send processor before each guarded send and after each guarded
 * send's outcome; each change is published on the event bus (`governor.state`) for the browsers.
 */
import { db } from '../../db'
import type { GovernorEventModel as GovernorEvent } from '../../db/generated/models'
import { getEventBus } from '../../events/event-bus'
import type { GovernorFigures, GovernorStateView, GovernorTrip } from '../../events/event-types'
import { logger } from '../../logger'
import { promoteSendJobs } from '../../queues/send-promote'
import { getWhatsAppSettings } from '../settings/settings-service'
import { judgeFigures, readGovernorFigures, windowStart, type GovernorSettings } from './governor-figures'

/** How long a held send waits before looking again (a resume wakes held jobs at once). */
export const GOVERNOR_RECHECK_MS = 60_000

/** At most this many held messages are woken on a resume (the rest wake at their next check). */
const MAX_PROMOTED = 2000

async function latestEvents(organizationId: string) {
  const [last, lastResume] = await Promise.all([
    db.governorEvent.findFirst({ where: { organizationId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    db.governorEvent.findFirst({ where: { organizationId, action: 'RESUMED' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  ])
  return { last, lastResume }
}

function toView(last: GovernorEvent | null, lastResume: GovernorEvent | null): GovernorStateView {
  const paused = last?.action === 'PAUSED'
  const stored = (paused ? last.figures : null) as { trip: GovernorTrip; figures: GovernorFigures } | null
  return {
    paused,
    pause: paused && stored ? { at: last.createdAt, trip: stored.trip, figures: { ...stored.figures, since: new Date(stored.figures.since) } } : null,
    resumed: lastResume ? { at: lastResume.createdAt, byUserId: lastResume.actorUserId } : null,
  }
}

/** Whether the organization's bulk and agent sends are paused, and why. */
export async function readGovernorState(organizationId: string): Promise<GovernorStateView> {
  const { last, lastResume } = await latestEvents(organizationId)
  return toView(last, lastResume)
}

/** Whether the organization's bulk and agent sends are paused now (one indexed read). */
export async function isGovernorPaused(organizationId: string): Promise<boolean> {
  const last = await db.governorEvent.findFirst({ where: { organizationId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { action: true } })
  return last?.action === 'PAUSED'
}

/** The current window's figures and the rule they are judged by (for the status screen). */
export async function governorStatus(organizationId: string, now = new Date()) {
  const settings = (await getWhatsAppSettings(organizationId)).governor
  const { last, lastResume } = await latestEvents(organizationId)
  const figures = await readGovernorFigures(organizationId, settings, windowStart(settings, lastResume?.createdAt ?? null, now), now)
  return { state: toView(last, lastResume), figures, rule: settings }
}

/** Runs `fn` holding the organization's governor lock (one pause or resume at a time). */
function withGovernorLock<T>(organizationId: string, fn: (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtext(${`governor:${organizationId}`}))`
    return fn(tx)
  })
}

async function publishState(organizationId: string): Promise<void> {
  try {
    await getEventBus().publish(organizationId, { type: 'governor.state', data: await readGovernorState(organizationId) })
  } catch (err) {
    logger.warn({ organizationId, err: (err as Error).message }, 'governor state not published')
  }
}

/**
 * Judges the organization's window and pauses its bulk and agent sends if a threshold is crossed.
 * Returns whether they are paused now (already, or by this call).
 */
export async function evaluateGovernor(organizationId: string, now = new Date(), settings?: GovernorSettings): Promise<boolean> {
  const rule = settings ?? (await getWhatsAppSettings(organizationId)).governor
  const { last, lastResume } = await latestEvents(organizationId)
  if (last?.action === 'PAUSED') return true
  const figures = await readGovernorFigures(organizationId, rule, windowStart(rule, lastResume?.createdAt ?? null, now), now)
  const trip = judgeFigures(figures, rule)
  if (!trip) return false
  const paused = await withGovernorLock(organizationId, async (tx) => {
    const current = await tx.governorEvent.findFirst({ where: { organizationId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { action: true } })
    if (current?.action === 'PAUSED') return false
    await tx.governorEvent.create({
      data: {
        organizationId,
        action: 'PAUSED',
        actorUserId: null,
        reason: trip.reason,
        figures: { trip: { ...trip }, figures: { ...figures, since: figures.since.toISOString() } },
      },
    })
    return true
  })
  if (paused) {
    logger.warn({ organizationId, trip, figures }, 'governor paused bulk and agent sends')
    await publishState(organizationId)
  }
  return true
}

/**
 * An admin resumes the organization's bulk and agent sends: recorded with who, the window starts
 * afresh, and the held jobs are woken. Resuming what is not paused changes nothing (a double click).
 */
export async function resumeGovernor(organizationId: string, userId: string): Promise<{ resumed: boolean; state: GovernorStateView }> {
  const resumed = await withGovernorLock(organizationId, async (tx) => {
    const current = await tx.governorEvent.findFirst({ where: { organizationId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { action: true } })
    if (current?.action !== 'PAUSED') return false
    await tx.governorEvent.create({ data: { organizationId, action: 'RESUMED', actorUserId: userId, reason: 'MANUAL' } })
    return true
  })
  if (resumed) {
    logger.info({ organizationId, userId }, 'bulk and agent sends resumed by an admin')
    await publishState(organizationId)
    await wakeHeldSends(organizationId)
  }
  return { resumed, state: await readGovernorState(organizationId) }
}

/** The held (queued, unsent) bulk and agent messages' jobs go now instead of at their next check. */
async function wakeHeldSends(organizationId: string): Promise<void> {
  try {
    const held = await db.message.findMany({
      where: { organizationId, direction: 'OUTGOING', status: 'PENDING', whatsappMessageId: null, OR: [{ sender: 'AI' }, { batchId: { not: null } }] },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
      take: MAX_PROMOTED,
    })
    const promoted = await promoteSendJobs(held.map((m) => m.id))
    logger.info({ organizationId, held: held.length, promoted }, 'held sends woken after resume')
  } catch (err) {
    logger.warn({ organizationId, err: (err as Error).message }, 'held sends not woken; they go at their next check')
  }
}

/** The organization's pauses and resumes, newest first, with the resuming user's name. */
export async function governorHistory(organizationId: string, limit: number) {
  const events = await db.governorEvent.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { id: true, action: true, actorUserId: true, reason: true, figures: true, createdAt: true },
  })
  const userIds = [...new Set(events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))]
  const users = await db.user.findMany({ where: { organizationId, id: { in: userIds } }, select: { id: true, name: true, email: true } })
  const names = new Map(users.map((u) => [u.id, u.name || u.email]))
  return events.map((e) => ({ ...e, actorName: e.actorUserId ? (names.get(e.actorUserId) ?? null) : null }))
}

/**
 * Asked by the send processor before a bulk or agent message leaves: how long it must wait (the
 * organization is paused, now or by this evaluation), or 0 to go.
 */
export async function governorHoldMs(organizationId: string, settings: GovernorSettings, now = new Date()): Promise<number> {
  return (await evaluateGovernor(organizationId, now, settings)) ? GOVERNOR_RECHECK_MS : 0
}
