/**
 * The connection's uptime strip (issue 16 point 3): the last days cut into equal slots, each showing the
 * state the connection was in for most of it: connected, disconnected (also connecting or waiting for a
 * QR scan) or error. Read from the status history (WhatsAppStatusEvent, written by the single status
 * setter in whatsapp/session-status.ts): the newest change before the range tells the state at its start;
 * before the first change ever recorded the state is unknown.
 */
import { db } from '../../db'
import type { WhatsAppSessionStatus } from '../../db/generated/enums'

export type UptimeState = 'connected' | 'disconnected' | 'error' | 'unknown'

export interface UptimeSlot {
  /** The slot's start. */
  from: Date
  state: UptimeState
}

export interface UptimeStrip {
  slots: UptimeSlot[]
  slotMinutes: number
  /** Share of the known time spent connected, 0..1; null when nothing is known. */
  connectedShare: number | null
}

export interface StatusChange {
  at: Date
  status: WhatsAppSessionStatus
}

export function uptimeStateOf(status: WhatsAppSessionStatus): UptimeState {
  if (status === 'CONNECTED') return 'connected'
  if (status === 'ERROR') return 'error'
  return 'disconnected'
}

/**
 * Cuts [from, to) into slots of `slotMinutes` and gives each the state that lasted longest in it
 * (ties: error, then disconnected, before connected, so a short outage is not hidden by rounding).
 * `changes` are sorted oldest first; the first may be before `from` (the state at the start). Time after
 * `until` (now, inside the last slot) is not known yet.
 */
export function buildUptimeStrip(changes: StatusChange[], from: Date, to: Date, slotMinutes: number, until: Date = to): UptimeStrip {
  const slotMs = slotMinutes * 60_000
  const count = Math.ceil((to.getTime() - from.getTime()) / slotMs)
  const durations = Array.from({ length: count }, () => ({ connected: 0, disconnected: 0, error: 0, unknown: 0 }))
  const totals = { connected: 0, disconnected: 0, error: 0, unknown: 0 }
  // Segments: [start, end) with one state; before the first change nothing is known.
  const points: Array<{ at: number; state: UptimeState }> = [{ at: from.getTime(), state: 'unknown' }]
  for (const change of changes) points.push({ at: Math.max(change.at.getTime(), from.getTime()), state: uptimeStateOf(change.status) })
  for (let i = 0; i < points.length; i++) {
    const start = points[i]!.at
    const end = Math.min(i + 1 < points.length ? points[i + 1]!.at : to.getTime(), to.getTime(), until.getTime())
    if (end <= start) continue
    const state = points[i]!.state
    totals[state] += end - start
    for (let slot = Math.floor((start - from.getTime()) / slotMs); slot < count; slot++) {
      const slotStart = from.getTime() + slot * slotMs
      const slotEnd = Math.min(slotStart + slotMs, to.getTime())
      if (slotStart >= end) break
      durations[slot]![state] += Math.min(end, slotEnd) - Math.max(start, slotStart)
    }
  }
  const order: UptimeState[] = ['error', 'disconnected', 'connected', 'unknown']
  const slots = durations.map((d, slot) => {
    const best = order.reduce((a, b) => (d[b] > d[a] ? b : a))
    return { from: new Date(from.getTime() + slot * slotMs), state: d[best] > 0 ? best : 'unknown' }
  })
  const known = totals.connected + totals.disconnected + totals.error
  return { slots, slotMinutes, connectedShare: known > 0 ? totals.connected / known : null }
}

/** The strip of [from, to) for one organization, from its status history up to `until`. */
export async function connectionUptime(organizationId: string, from: Date, to: Date, slotMinutes: number, until: Date = to): Promise<UptimeStrip> {
  const [before, within] = await Promise.all([
    db.whatsAppStatusEvent.findFirst({
      where: { organizationId, createdAt: { lt: from } },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true, status: true },
    }),
    db.whatsAppStatusEvent.findMany({
      where: { organizationId, createdAt: { gte: from, lt: until } },
      orderBy: { createdAt: 'asc' },
      select: { createdAt: true, status: true },
      // Bounded: a flapping connection over a week stays far below this (past it, later changes are not read).
      take: 10_000,
    }),
  ])
  const changes = [...(before ? [before] : []), ...within].map((row) => ({ at: row.createdAt, status: row.status }))
  return buildUptimeStrip(changes, from, to, slotMinutes, until)
}
