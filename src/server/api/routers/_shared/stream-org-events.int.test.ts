/** streamOrgEvents: snapshot on a fresh start only, resume after lastEventId, nothing lost in between. */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../errors'
import { getEventBus } from '../../../events/event-bus'
import type { BulkProgress } from '../../../events/event-types'
import { MAX_STREAMS_PER_USER } from '../../../events/stream-leases'
import { redisSubscriber } from '../../../events/redis-subscriber'
import { redisKey } from '../../../redis'
import { waitFor } from '../../../testing/wait-for'
import { streamOrgEvents } from './stream-org-events'

type Tracked<T> = [id: string, data: T, symbol?: unknown]

function progress(batchId: string, sent: number): BulkProgress {
  return { batchId, total: 10, pending: 10 - sent, waitingQuiet: 0, sent, delivered: 0, failed: 0, skipped: 0, excluded: 0, reasons: {}, percent: sent * 10 }
}

function publish(organizationId: string, batchId: string, sent: number) {
  return getEventBus().publish(organizationId, { type: 'bulk.progress', data: progress(batchId, sent) })
}

/** A stream of one batch's `sent` counts, as a subscription handler would build it. */
function sentCounts(organizationId: string, options: { lastEventId?: string | null; snapshot?: () => Promise<number>; signal: AbortSignal }) {
  return streamOrgEvents({
    organizationId,
    userId: `user-${randomUUID()}`,
    types: ['bulk.progress'],
    lastEventId: options.lastEventId,
    signal: options.signal,
    snapshot: options.snapshot,
    filter: (event) => event.data.batchId === 'wanted',
    map: (event) => event.data.sent,
  })[Symbol.asyncIterator]()
}

describe('streamOrgEvents', () => {
  it('starts with the snapshot under the newest stream id, then sends matching events mapped', async () => {
    const org = `stream-${randomUUID()}`
    const before = await publish(org, 'wanted', 1)
    const abort = new AbortController()
    const stream = sentCounts(org, { snapshot: async () => 100, signal: abort.signal })

    const first = (await stream.next()).value as Tracked<number>
    expect(first.slice(0, 2)).toEqual([before, 100])

    await publish(org, 'other', 2)
    const live = await publish(org, 'wanted', 3)
    const second = (await stream.next()).value as Tracked<number>
    expect(second.slice(0, 2)).toEqual([live, 3])
    abort.abort()
    await stream.return?.(undefined)
  })

  it('does not lose a change made while the snapshot is read', async () => {
    const org = `stream-${randomUUID()}`
    const abort = new AbortController()
    const stream = sentCounts(org, {
      snapshot: async () => {
        await publish(org, 'wanted', 7)
        return 0
      },
      signal: abort.signal,
    })
    expect(((await stream.next()).value as Tracked<number>)[1]).toBe(0)
    expect(((await stream.next()).value as Tracked<number>)[1]).toBe(7)
    abort.abort()
    await stream.return?.(undefined)
  })

  it('resumes after lastEventId without a snapshot, back-filling what was missed in order', async () => {
    const org = `stream-${randomUUID()}`
    const seen = await publish(org, 'wanted', 1)
    const missedA = await publish(org, 'wanted', 2)
    await publish(org, 'other', 9)
    const missedB = await publish(org, 'wanted', 3)
    const abort = new AbortController()
    let snapshots = 0
    const stream = sentCounts(org, {
      lastEventId: seen,
      snapshot: async () => {
        snapshots += 1
        return -1
      },
      signal: abort.signal,
    })

    const a = (await stream.next()).value as Tracked<number>
    const b = (await stream.next()).value as Tracked<number>
    expect([a.slice(0, 2), b.slice(0, 2)]).toEqual([
      [missedA, 2],
      [missedB, 3],
    ])
    const live = await publish(org, 'wanted', 4)
    expect(((await stream.next()).value as Tracked<number>).slice(0, 2)).toEqual([live, 4])
    expect(snapshots).toBe(0)
    abort.abort()
    await stream.return?.(undefined)
  })
})

describe('streamOrgEvents limits', () => {
  function statusStream(organizationId: string, userId: string, signal: AbortSignal) {
    return streamOrgEvents({ organizationId, userId, types: ['bulk.progress'], signal, snapshot: async () => 0, map: (event) => event.data.sent })[
      Symbol.asyncIterator
    ]()
  }

  it('closes a user’s oldest stream when the 11th opens, and only that user’s', async () => {
    const org = `stream-${randomUUID()}`
    const user = `user-${randomUUID()}`
    const other = `user-${randomUUID()}`
    const abort = new AbortController()
    const streams = Array.from({ length: MAX_STREAMS_PER_USER }, () => statusStream(org, user, abort.signal))
    const othersStream = statusStream(org, other, abort.signal)
    for (const stream of [...streams, othersStream]) await stream.next() // the snapshot: each one is open now
    const firstNext = streams[0]!.next()
    const eleventh = statusStream(org, user, abort.signal)
    await eleventh.next()
    expect(await firstNext).toEqual({ done: true, value: undefined })

    // The others still receive events.
    await publish(org, 'b', 4)
    expect(((await streams[1]!.next()).value as Tracked<number>)[1]).toBe(4)
    expect(((await eleventh.next()).value as Tracked<number>)[1]).toBe(4)
    expect(((await othersStream.next()).value as Tracked<number>)[1]).toBe(4)
    abort.abort()
    await Promise.all([...streams, eleventh, othersStream].map((s) => s.return?.(undefined)))
  })

  it('drops a reader that fell more than the queue bound behind with a retryable reconnect error', async () => {
    const org = `stream-${randomUUID()}`
    const abort = new AbortController()
    const subscription = getEventBus().subscribe(org, { types: ['bulk.progress'], signal: abort.signal, maxQueued: 5 })
    const events = subscription[Symbol.asyncIterator]()
    const firstPull = events.next()
    await publish(org, 'x', 1)
    expect((await firstPull).value?.event.type).toBe('bulk.progress')
    // The reader stops reading; more events than it can hold arrive. A second listener on the same
    // connection hears them after the bus's listener, so once it has all 7 the bus has them too.
    let heard = 0
    const unsubscribe = await redisSubscriber().subscribe(redisKey('events-live', org), () => void heard++)
    for (let i = 0; i < 7; i++) await publish(org, 'x', i + 2)
    await waitFor(() => heard === 7)
    unsubscribe()
    const error = await events.next().then(
      () => null,
      (err: unknown) => err,
    )
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('UNAVAILABLE')
    expect((error as AppError).messageKey).toBe('streamReconnect')
    abort.abort()
  })

  it('keeps a reader that stays within the bound', async () => {
    const org = `stream-${randomUUID()}`
    const abort = new AbortController()
    const subscription = getEventBus().subscribe(org, { types: ['bulk.progress'], signal: abort.signal, maxQueued: 5 })
    const events = subscription[Symbol.asyncIterator]()
    const firstPull = events.next()
    await publish(org, 'x', 1)
    await firstPull
    for (let i = 0; i < 5; i++) await publish(org, 'x', i + 2)
    const seen: number[] = []
    for (let i = 0; i < 5; i++) seen.push(((await events.next()).value!.event.data as BulkProgress).sent)
    expect(seen).toEqual([2, 3, 4, 5, 6])
    abort.abort()
    await events.return?.(undefined)
  })
})
