/**
 * A typed event bus over Redis. Each organization has a capped stream (for resuming after a reconnect
 * by last event id) and a pub/sub channel (for live delivery); both are written in one Lua call.
 * Live events arrive through the process's one Redis subscriber (redis-subscriber.ts), so it works the
 * same with one server process or several, and for modules loaded twice (tsx and Next's bundle).
 */
import superjson from 'superjson'
import { AppError } from '../errors'
import { logger } from '../logger'
import { processSingleton } from '../process-singleton'
import { getRedis, redisKey } from '../redis'
import { redisSubscriber } from './redis-subscriber'
import type { AppEvent, AppEventType, DeliveredEvent } from './event-types'

const STREAM_MAX_LENGTH = 500
/**
 * Live events one subscriber may have waiting. A reader slower than that (a stalled socket) is dropped
 * with a retryable error: the browser reconnects and resumes from the stream by its last event id,
 * instead of the server holding an ever-growing queue.
 */
export const MAX_QUEUED_EVENTS = 500

const PUBLISH_SCRIPT = `
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'e', ARGV[1])
redis.call('PEXPIRE', KEYS[1], 86400000)
redis.call('PUBLISH', KEYS[2], id .. '|' .. ARGV[1])
return id`

// The same for several events of one organization in one call (ARGV: maxlen, then the payloads in order).
const PUBLISH_MANY_SCRIPT = `
local ids = {}
for i = 2, #ARGV do
  local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[i])
  redis.call('PUBLISH', KEYS[2], id .. '|' .. ARGV[i])
  ids[#ids + 1] = id
end
redis.call('PEXPIRE', KEYS[1], 86400000)
return ids`

/** At most this many events go in one publishMany call. */
export const MAX_EVENTS_PER_PUBLISH = 50

const streamKey = (organizationId: string) => redisKey('events', organizationId)
const channelKey = (organizationId: string) => redisKey('events-live', organizationId)

/** Compares Redis stream ids ("ms-seq"). */
export function compareStreamIds(a: string, b: string): number {
  const [am = '0', as = '0'] = a.split('-')
  const [bm = '0', bs = '0'] = b.split('-')
  const ms = BigInt(am) - BigInt(bm)
  if (ms !== 0n) return ms > 0n ? 1 : -1
  const seq = BigInt(as) - BigInt(bs)
  return seq === 0n ? 0 : seq > 0n ? 1 : -1
}

class EventBus {
  /** Publishes an event for an organization; returns its id, or null when Redis is unreachable. */
  async publish(organizationId: string, event: AppEvent): Promise<string | null> {
    try {
      const payload = superjson.stringify(event)
      const id = (await getRedis().eval(PUBLISH_SCRIPT, 2, streamKey(organizationId), channelKey(organizationId), payload, STREAM_MAX_LENGTH)) as string
      return id
    } catch (err) {
      logger.warn({ organizationId, type: event.type, err: (err as Error).message }, 'event not published (redis unavailable)')
      return null
    }
  }

  /**
   * Publishes several events of one organization, in order, in one Redis call (one round trip instead
   * of one per event); their ids, or null when Redis is unreachable.
   */
  async publishMany(organizationId: string, events: readonly AppEvent[]): Promise<string[] | null> {
    if (!events.length) return []
    if (events.length > MAX_EVENTS_PER_PUBLISH) throw new RangeError(`publishMany: at most ${MAX_EVENTS_PER_PUBLISH} events at once`)
    try {
      const payloads = events.map((event) => superjson.stringify(event))
      return (await getRedis().eval(PUBLISH_MANY_SCRIPT, 2, streamKey(organizationId), channelKey(organizationId), STREAM_MAX_LENGTH, ...payloads)) as string[]
    } catch (err) {
      logger.warn({ organizationId, types: events.map((e) => e.type), err: (err as Error).message }, 'events not published (redis unavailable)')
      return null
    }
  }

  /** The id of the newest event of an organization ('0-0' when none). */
  async lastId(organizationId: string): Promise<string> {
    try {
      const rows = (await getRedis().xrevrange(streamKey(organizationId), '+', '-', 'COUNT', 1)) as Array<[string, string[]]>
      return rows[0]?.[0] ?? '0-0'
    } catch {
      return '0-0'
    }
  }

  /**
   * Events of one organization, live, optionally resuming after `lastEventId`. Listens before it
   * back-fills, so nothing published in between is lost; ids only ever increase. More than `maxQueued`
   * undelivered events end the stream with a retryable UNAVAILABLE ('streamReconnect').
   */
  async *subscribe<T extends AppEventType>(
    organizationId: string,
    options: { types: T[]; lastEventId?: string | null; signal?: AbortSignal; maxQueued?: number },
  ): AsyncGenerator<DeliveredEvent<Extract<AppEvent, { type: T }>>> {
    const wanted = new Set<string>(options.types)
    const maxQueued = options.maxQueued ?? MAX_QUEUED_EVENTS
    const queue: DeliveredEvent[] = []
    let overflowed = false
    let wake: (() => void) | null = null
    const listener = (delivered: DeliveredEvent) => {
      if (!wanted.has(delivered.event.type) || overflowed) return
      if (queue.length >= maxQueued) {
        overflowed = true
        queue.length = 0
      } else {
        queue.push(delivered)
      }
      wake?.()
    }
    const onAbort = () => wake?.()
    options.signal?.addEventListener('abort', onAbort)
    const unlisten = await this.listen(organizationId, listener)
    try {
      let last = options.lastEventId ?? null
      if (last) {
        for (const delivered of await this.range(organizationId, last)) {
          if (!wanted.has(delivered.event.type)) continue
          last = delivered.id
          yield delivered as DeliveredEvent<Extract<AppEvent, { type: T }>>
        }
      }
      while (!options.signal?.aborted) {
        if (overflowed) {
          logger.warn({ organizationId, maxQueued }, 'live stream reader too slow: asked to reconnect')
          throw new AppError('UNAVAILABLE', 'streamReconnect')
        }
        const next = queue.shift()
        if (!next) {
          await new Promise<void>((resolve) => (wake = resolve))
          wake = null
          continue
        }
        if (last && compareStreamIds(next.id, last) <= 0) continue
        last = next.id
        yield next as DeliveredEvent<Extract<AppEvent, { type: T }>>
      }
    } finally {
      options.signal?.removeEventListener('abort', onAbort)
      unlisten()
    }
  }

  private async range(organizationId: string, afterId: string): Promise<DeliveredEvent[]> {
    try {
      const rows = (await getRedis().xrange(streamKey(organizationId), `(${afterId}`, '+', 'COUNT', STREAM_MAX_LENGTH)) as Array<[string, string[]]>
      return rows.map(([id, fields]) => ({ id, organizationId, event: superjson.parse<AppEvent>(fields[1]!) }))
    } catch (err) {
      logger.warn({ organizationId, err: (err as Error).message }, 'event back-fill failed')
      return []
    }
  }

  /** Delivers the organization's live events to `listener` until the returned function is called. */
  private async listen(organizationId: string, listener: (e: DeliveredEvent) => void): Promise<() => void> {
    const unsubscribe = await redisSubscriber()
      .subscribe(channelKey(organizationId), (message) => {
        const bar = message.indexOf('|')
        let event: AppEvent
        try {
          event = superjson.parse<AppEvent>(message.slice(bar + 1))
        } catch (err) {
          logger.warn({ err }, 'malformed event ignored')
          return
        }
        listener({ id: message.slice(0, bar), organizationId, event })
      })
      // Not subscribed (the connection was closed): a reconnecting browser still resumes from the stream.
      .catch(() => null)
    return () => unsubscribe?.()
  }
}

/** The process-wide event bus. */
export function getEventBus(): EventBus {
  return processSingleton('event-bus', () => new EventBus())
}

export type { EventBus }
