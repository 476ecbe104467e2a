/**
 * The outbox relay's pass after Redis lost its data (queues/redis-reset-watch.ts): every row queued
 * before the loss counts as stale now, so its job is added again at once rather than after
 * STALE_AFTER_MS. Job ids are the row ids, so a job that does exist is left alone.
 */
import { logger } from '../../logger'
import { relayOnce, STALE_AFTER_MS } from './outbox-relay'

/** A relay pass takes at most this many rows of each kind; passes repeat while they come back full. */
const PASS_LIMIT = 200
const MAX_PASSES = 50

export async function relayAfterRedisReset(lostAt: Date): Promise<void> {
  // relayOnce takes rows queued before `now - STALE_AFTER_MS`: this "now" makes that the moment of the loss.
  const now = new Date(lostAt.getTime() + STALE_AFTER_MS)
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const done = await relayOnce(now)
    if (pass === 0 || done.outgoing || done.incoming)
      logger.info({ outgoing: done.outgoing, incoming: done.incoming, pass }, 're-queued after Redis lost its data')
    if (done.outgoing < PASS_LIMIT && done.incoming < PASS_LIMIT) return
  }
}
