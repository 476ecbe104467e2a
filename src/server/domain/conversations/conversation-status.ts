/**
 * Open, resolved, snoozed. Resolving and snoozing hide a conversation from the default (open) list; a
 * customer message reopens it (inside the transaction that stores the message); a snooze ends by
 * itself: a delayed BullMQ job with a deterministic id (queues/snooze-queue.ts) wakes it at its time,
 * and a sweep at every start (and every relay interval) wakes overdue ones and re-schedules the rest,
 * so a restart, or a Redis that lost its jobs, delays a wake-up by at most the sweep interval.
 */
import { db, type Prisma } from '../../db'
import { notFound } from '../../errors'
import { logger, orgLogger } from '../../logger'
import { enqueueSnoozeWake, type SnoozeJobData } from '../../queues/snooze-queue'
import { publishConversation } from '../messages/message-events'
import { createEntry, publishEntry } from './conversation-entries'
import type { Actor } from './assignment'
import { assertConversationVisible } from './visibility'
import type { ConversationEntryView } from '../../events/event-types'

type Tx = Prisma.TransactionClient

async function announce(organizationId: string, conversationId: string, entry: ConversationEntryView | null) {
  if (entry) await publishEntry(organizationId, entry)
  await publishConversation(organizationId, conversationId).catch(() => undefined)
}

/** Resolves (hides from the open list) or reopens a conversation. */
export async function setConversationStatus(organizationId: string, actor: Actor, conversationId: string, status: 'OPEN' | 'RESOLVED') {
  await assertConversationVisible(organizationId, actor, conversationId)
  const entry = await db.$transaction(async (tx) => {
    const changed = await tx.conversation.updateMany({
      where: { id: conversationId, organizationId, status: { not: status } },
      data: status === 'RESOLVED' ? { status, resolvedAt: new Date(), snoozedUntil: null } : { status, snoozedUntil: null },
    })
    if (!changed.count) return null
    return createEntry(tx, {
      organizationId,
      conversationId,
      kind: status === 'RESOLVED' ? 'RESOLVED' : 'REOPENED',
      authorId: actor.id,
      data: { authorName: actor.name },
    })
  })
  orgLogger(organizationId, { conversationId }).info({ by: actor.id, status, changed: Boolean(entry) }, 'conversation status set')
  await announce(organizationId, conversationId, entry)
  return { status }
}

/** Snoozes until `until` (validated by the caller: future, bounded) and schedules the wake-up. */
export async function snoozeConversation(organizationId: string, actor: Actor, conversationId: string, until: Date) {
  await assertConversationVisible(organizationId, actor, conversationId)
  const entry = await db.$transaction(async (tx) => {
    const updated = await tx.conversation.updateMany({ where: { id: conversationId, organizationId }, data: { status: 'SNOOZED', snoozedUntil: until } })
    if (!updated.count) throw notFound('conversationNotFound')
    return createEntry(tx, {
      organizationId,
      conversationId,
      kind: 'SNOOZED',
      authorId: actor.id,
      data: { authorName: actor.name, until: until.toISOString() },
    })
  })
  const queued = await enqueueSnoozeWake({ organizationId, conversationId, until: until.getTime() })
  orgLogger(organizationId, { conversationId }).info({ by: actor.id, until, queued }, 'conversation snoozed')
  await announce(organizationId, conversationId, entry)
  return { status: 'SNOOZED' as const, snoozedUntil: until }
}

/**
 * A customer wrote: a resolved or snoozed conversation opens again. Runs inside the transaction that
 * stores the message, so the message and the reopening commit together. Returns the system line to
 * publish after the commit (null when it was open).
 */
export async function reopenOnCustomerMessage(tx: Tx, organizationId: string, conversationId: string): Promise<ConversationEntryView | null> {
  const reopened = await tx.conversation.updateMany({
    where: { id: conversationId, organizationId, status: { not: 'OPEN' } },
    data: { status: 'OPEN', snoozedUntil: null },
  })
  if (!reopened.count) return null
  return recordReopenedByCustomer(tx, organizationId, conversationId)
}

/** The REOPENED entry of a conversation a customer's message opened again (the status itself set by the caller's statement, read-state.ts incomingConversationUpdate). */
export function recordReopenedByCustomer(tx: Tx, organizationId: string, conversationId: string): Promise<ConversationEntryView> {
  return createEntry(tx, { organizationId, conversationId, kind: 'REOPENED', authorId: null, data: { reason: 'customerMessage' } })
}

/** Publishes what reopenOnCustomerMessage recorded, after the commit. */
export function announceReopened(organizationId: string, entry: ConversationEntryView | null): Promise<void> {
  return entry ? publishEntry(organizationId, entry) : Promise.resolve()
}

/**
 * The snooze job: reopens the conversation if it is still snoozed until that time (a customer message or
 * a new snooze since then makes it a no-op). True when it woke it.
 */
export async function wakeSnoozed(data: SnoozeJobData): Promise<boolean> {
  const { organizationId, conversationId } = data
  const entry = await db.$transaction(async (tx) => {
    const woke = await tx.conversation.updateMany({
      where: { id: conversationId, organizationId, status: 'SNOOZED', snoozedUntil: { lte: new Date(Math.max(data.until, Date.now())) } },
      data: { status: 'OPEN', snoozedUntil: null },
    })
    if (!woke.count) return null
    return createEntry(tx, { organizationId, conversationId, kind: 'REOPENED', authorId: null, data: { reason: 'snoozeEnded' } })
  })
  if (!entry) return false
  orgLogger(organizationId, { conversationId }).info('snooze ended; conversation reopened')
  await announce(organizationId, conversationId, entry)
  return true
}

/**
 * At start: wakes every overdue snooze and schedules a job for each future one (its deterministic id
 * makes an existing job stay the only one). Periodically (`schedule: false`): wakes overdue ones only. Returns how many it woke and scheduled.
 */
export async function sweepSnoozes(now = new Date(), options: { schedule: boolean } = { schedule: true }): Promise<{ woke: number; scheduled: number }> {
  const snoozed = await db.conversation.findMany({
    // The periodic sweep only wakes overdue ones (cheap: the status/snoozedUntil index); the start also schedules.
    where: options.schedule ? { status: 'SNOOZED' } : { status: 'SNOOZED', snoozedUntil: { lte: now } },
    select: { id: true, organizationId: true, snoozedUntil: true },
    take: 10_000,
  })
  let woke = 0
  let scheduled = 0
  for (const c of snoozed) {
    const until = c.snoozedUntil ?? now
    const data = { organizationId: c.organizationId, conversationId: c.id, until: until.getTime() }
    if (until <= now) {
      if (await wakeSnoozed(data)) woke += 1
    } else if (await enqueueSnoozeWake(data, now.getTime())) scheduled += 1
  }
  if (woke || scheduled) logger.info({ woke, scheduled }, 'snooze sweep')
  return { woke, scheduled }
}
