/**
 * The plumbing of every live subscription: the current state first (unless the browser resumes),
 * then each matching event of the organization's bus, tracked by its stream id so a reconnecting
 * browser resumes after `lastEventId` without missing anything.
 */
import { tracked, type TrackedEnvelope } from '@trpc/server'
import { getEventBus } from '../../../events/event-bus'
import type { AppEvent, AppEventType } from '../../../events/event-types'
import { streamLeases } from '../../../events/stream-leases'

export interface StreamOrgEventsOptions<T extends AppEventType, S, O> {
  organizationId: string
  /** Whose stream it is: a user holds at most MAX_STREAMS_PER_USER; a newer one closes the oldest. */
  userId: string
  types: T[]
  /** The browser's last tracked id: resume after it, and send no snapshot. */
  lastEventId?: string | null
  signal?: AbortSignal
  /**
   * The current state, sent first on a fresh start. It is read after the stream's newest id is
   * taken, so a change in between arrives again as an event rather than being lost.
   */
  snapshot?: () => Promise<S>
  /** Which events concern this subscriber (default: all of the given types); may ask the database. */
  filter?: (event: Extract<AppEvent, { type: T }>) => boolean | Promise<boolean>
  /** What of an event the browser receives. */
  map: (event: Extract<AppEvent, { type: T }>) => O
}

/**
 * Streams an organization's events to a subscription. The bus listens before it back-fills from
 * the stream, so events published while resuming are neither lost nor repeated.
 */
export async function* streamOrgEvents<T extends AppEventType, O, S = never>(options: StreamOrgEventsOptions<T, S, O>): AsyncGenerator<TrackedEnvelope<S | O>> {
  const bus = getEventBus()
  const lease = streamLeases().open(options.userId)
  const signal = options.signal ? AbortSignal.any([options.signal, lease.signal]) : lease.signal
  try {
    let after = options.lastEventId ?? null
    if (!after) {
      after = await bus.lastId(options.organizationId)
      if (options.snapshot) yield tracked(after, await options.snapshot())
    }
    for await (const delivered of bus.subscribe(options.organizationId, { types: options.types, lastEventId: after, signal })) {
      if (options.filter && !(await options.filter(delivered.event))) continue
      yield tracked(delivered.id, options.map(delivered.event))
    }
  } finally {
    lease.release()
  }
}
