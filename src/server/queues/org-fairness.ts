/**
 * Fair shares between organizations on one BullMQ queue (issue 15 point 2), with what BullMQ 6.7 open
 * source offers: job priorities. (Groups, which rotate between tenants, are BullMQ Pro only; a queue
 * per organization would need a worker, connections and a blocking read per organization on every node.)
 *
 * Each organization counts its pending jobs (its backlog, in Redis). A job is added with the priority
 * of its place in its organization's backlog: the 1st pending job of an organization gets 1, the 2nd
 * gets 2, and so on. BullMQ takes the lowest priority first (FIFO among equals), so the queue serves the
 * organizations round-robin: the 1st job of each, then the 2nd of each… A 5,000-message burst of one
 * organization takes priorities 1…5,000, and another organization's single message (priority 1) goes
 * next instead of after the whole burst. Within one organization the order stays FIFO: while it has a
 * backlog, a new job never gets a priority below the last one it was given (it joins behind its own
 * earlier jobs); the count starts from 1 again once the backlog is empty.
 *
 * The backlog falls when a job is done for good (completed, or failed without a retry left). A job
 * lost without finishing (removed by hand, Redis flushed) would leave the count too high: both keys
 * expire BACKLOG_TTL_MS after the organization's last enqueue or finish, so a wrong count lasts at most
 * that long, and it only costs that organization its place, never a message. Priorities stay within
 * BullMQ's range (MAX_PRIORITY); past it, jobs keep FIFO order at the end.
 */
import type { Redis } from 'ioredis'
import { getRedis, redisKey } from '../redis'

/** BullMQ's highest priority number (bullmq 6.7.0 dist/esm/classes/job.js:8, PRIORITY_LIMIT = 2 ** 21 - 1). */
export const MAX_PRIORITY = 2 ** 21 - 1

/** How long a backlog count outlives its organization's last enqueue or finish. */
export const BACKLOG_TTL_MS = 60 * 60_000

/** Priority offsets per kind of job (sends: a person's reply before bulk); the place in the backlog is multiplied by this. */
export const PLACE_STEP = 10

const keys = (queue: string, organizationId: string, lane: string) => [
  redisKey('fair', queue, organizationId, lane, 'backlog'),
  redisKey('fair', queue, organizationId, lane, 'last'),
]

// KEYS: backlog, last. ARGV: ttl, max place. Returns the job's place in its organization's backlog.
const ENTER_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
local place = n
if n > 1 then
  local last = tonumber(redis.call('GET', KEYS[2]) or '0')
  if last > place then place = last end
end
if place > tonumber(ARGV[2]) then place = tonumber(ARGV[2]) end
redis.call('SET', KEYS[2], place, 'PX', ARGV[1])
return place`

// KEYS: backlog, last. ARGV: ttl. Never below 0; the keys go when the backlog is empty.
const LEAVE_SCRIPT = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n <= 1 then
  redis.call('DEL', KEYS[1], KEYS[2])
  return 0
end
redis.call('DECR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return n - 1`

export interface FairLane {
  queue: string
  organizationId: string
  /** Separate backlogs in one queue (sends: a person's replies apart from bulk and agent messages). */
  lane?: string
}

/** The place of a new job in its organization's backlog (1 when it has none), counted in. */
export async function enterBacklog(lane: FairLane, redis: Redis = getRedis()): Promise<number> {
  const maxPlace = Math.floor(MAX_PRIORITY / PLACE_STEP) - 1
  return Number(await redis.eval(ENTER_SCRIPT, 2, ...keys(lane.queue, lane.organizationId, lane.lane ?? 'all'), BACKLOG_TTL_MS, maxPlace))
}

/** A job of the organization is done for good (or was never added): one less in its backlog. */
export async function leaveBacklog(lane: FairLane, redis: Redis = getRedis()): Promise<number> {
  return Number(await redis.eval(LEAVE_SCRIPT, 2, ...keys(lane.queue, lane.organizationId, lane.lane ?? 'all'), BACKLOG_TTL_MS))
}

/** The organization's pending jobs as counted (tests, metrics). */
export async function backlogOf(lane: FairLane, redis: Redis = getRedis()): Promise<number> {
  return Number((await redis.get(keys(lane.queue, lane.organizationId, lane.lane ?? 'all')[0]!)) ?? 0)
}

/** BullMQ's priority for a job at `place` in its backlog, with a kind offset in 1…PLACE_STEP (lower goes first). */
export function fairPriority(place: number, kindOffset = 1): number {
  const offset = Math.min(PLACE_STEP, Math.max(1, Math.round(kindOffset)))
  return Math.min(MAX_PRIORITY, (Math.max(1, place) - 1) * PLACE_STEP + offset)
}
