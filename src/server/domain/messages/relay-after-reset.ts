/**
 * The outbox relay's pass after Redis lost its data (queues/redis-reset-watch.ts): every row queued
 * before the loss counts as stale now, so its job is added again at once rather than after
 * STALE_AFTER_MS. Job ids are the row ids, so a job that does exist is left alone.
 */
import { logger } from '../../logger'
import { exclusiveRelay, relayOnce, STALE_AFTER_MS } from './outbox-relay'

/** Passes repeat while a kind fills its page (RELAY_PAGE rows), up to this many (10,000 rows of each kind). */
const MAX_PASSES = 50

/**
 * Replies come first in every pass (outbox-relay.ts), and the periodic pass waits meanwhile: both
 * taking the same rows at once each did the other's work (and a pass whose page was partly queued by
 * the other one stopped early, stranding the rest until they went stale a minute later).
 */
export async function relayAfterRedisReset(lostAt: Date): Promise<void> {
  // relayOnce takes rows queued before `now - STALE_AFTER_MS`: this "now" makes that the moment of the loss.
  const now = new Date(lostAt.getTime() + STALE_AFTER_MS)
  await exclusiveRelay(async () => {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const done = await relayOnce(now)
      if (pass === 0 || done.outgoing || done.incoming)
        logger.info({ outgoing: done.outgoing, incoming: done.incoming, pass }, 're-queued after Redis lost its data')
      if (!done.more) return
    }
  })
}
