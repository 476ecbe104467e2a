/**
 * Live streams (SSE subscriptions) held per user. A user may hold a bounded number at once; opening one
 * more closes that user's oldest, so a script (or a tab left open per page) cannot pile up connections
 * and event-bus listeners. Counted per process, shared by every copy of this module (processSingleton).
 */
import { logger } from '../logger'
import { processSingleton } from '../process-singleton'

/** Streams one user may keep open at once; the next one closes the oldest. */
export const MAX_STREAMS_PER_USER = 10

export interface StreamLease {
  /** Aborted when this stream was closed to make room for a newer one of the same user. */
  readonly signal: AbortSignal
  /** Gives the slot back (the stream ended); safe to call more than once. */
  release(): void
}

interface Held {
  controller: AbortController
}

class StreamLeases {
  private readonly byUser = new Map<string, Held[]>()

  constructor(private readonly maxPerUser: number) {}

  /** Takes a slot for one of `userId`'s streams, closing the user's oldest streams beyond the cap. */
  open(userId: string): StreamLease {
    const held: Held = { controller: new AbortController() }
    const list = this.byUser.get(userId) ?? []
    list.push(held)
    this.byUser.set(userId, list)
    while (list.length > this.maxPerUser) {
      const oldest = list.shift()!
      logger.info({ userId, open: list.length }, 'oldest live stream closed: too many streams for one user')
      oldest.controller.abort(new Error('too many live streams for this user'))
    }
    return {
      signal: held.controller.signal,
      release: () => {
        const current = this.byUser.get(userId)
        if (!current) return
        const index = current.indexOf(held)
        if (index >= 0) current.splice(index, 1)
        if (current.length === 0) this.byUser.delete(userId)
      },
    }
  }

  /** How many streams the user holds now (for tests and diagnostics). */
  count(userId: string): number {
    return this.byUser.get(userId)?.length ?? 0
  }
}

/** A separate registry with its own cap (tests). */
export function createStreamLeases(maxPerUser = MAX_STREAMS_PER_USER): StreamLeases {
  return new StreamLeases(maxPerUser)
}

/** The process-wide registry of live streams. */
export function streamLeases(): StreamLeases {
  return processSingleton('stream-leases', () => createStreamLeases())
}

export type { StreamLeases }
