/**
 * The scrape-time sources that need only infrastructure: sessions by status and the backlog from
 * PostgreSQL, job counts from BullMQ, the local spool. background.ts registers them together with the
 * ones that need the domain or the session manager (quota use, Chromium memory).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { db } from '../db'
import { INCOMING_QUEUE, SEND_QUEUE } from '../queues/connection'
import { producerQueue } from '../queues/queue-factory'
import { SNOOZE_QUEUE } from '../queues/snooze-queue'
import { lastSpoolStatus } from '../spool/incoming-spool'
import type { Metrics } from './metrics'

/** The queues the dashboard shows and /metrics counts. */
export const OBSERVED_QUEUES = [SEND_QUEUE, INCOMING_QUEUE, SNOOZE_QUEUE] as const

/** The job states worth a series (completed jobs are removed, so they are not counted). */
export const QUEUE_STATES = ['waiting', 'delayed', 'active', 'prioritized', 'failed'] as const

export async function collectSessions(m: Metrics): Promise<void> {
  const [rows, wanted] = await Promise.all([
    db.whatsAppSession.groupBy({ by: ['status'], _count: { _all: true } }),
    db.whatsAppSession.findMany({ where: { wantedConnected: true }, select: { organizationId: true, status: true } }),
  ])
  m.sessions.reset()
  for (const row of rows) m.sessions.set({ status: row.status }, row._count._all)
  m.sessionUp.reset()
  for (const session of wanted) m.sessionUp.set({ organization: session.organizationId }, session.status === 'CONNECTED' ? 1 : 0)
}

export function queueCollector(queueNames: readonly string[]) {
  return async (m: Metrics): Promise<void> => {
    const counts = await Promise.all(queueNames.map((name) => producerQueue(name).getJobCounts(...QUEUE_STATES)))
    m.queueJobs.reset()
    queueNames.forEach((queue, i) => {
      for (const state of QUEUE_STATES) m.queueJobs.set({ queue, state }, counts[i]?.[state] ?? 0)
    })
  }
}

/** Unprocessed inbox rows and outgoing messages not yet taken by WhatsApp (both indexed counts). */
export async function collectBacklog(m: Metrics): Promise<void> {
  const [inbox, outbox] = await Promise.all([
    db.incomingInbox.count({ where: { processedAt: null } }),
    db.message.count({ where: { direction: 'OUTGOING', status: 'PENDING', whatsappMessageId: null } }),
  ])
  m.backlog.set({ kind: 'inbox' }, inbox)
  m.backlog.set({ kind: 'outbox' }, outbox)
  m.backlog.set({ kind: 'spool_bytes' }, lastSpoolStatus()?.bytes ?? 0)
}

const PAGE_SIZE = 4096

/**
 * Resident memory of a process group (Chromium runs detached: its main pid leads the group of its
 * renderers, GPU and utility processes), summed from /proc. 0 when the group is gone or /proc is absent.
 */
export function processGroupRss(pgid: number, proc = '/proc'): number {
  let total = 0
  let entries: string[]
  try {
    entries = readdirSync(proc)
  } catch {
    return 0
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`${proc}/${entry}/stat`, 'utf8')
      // Fields after the command (which may hold spaces and parentheses): state ppid pgrp ... rss is the 24th field.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(rest[2]) !== pgid) continue
      total += Number(rest[21]) * PAGE_SIZE
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total
}
