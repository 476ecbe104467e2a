/** streamOrgEvents: snapshot on a fresh start only, resume after lastEventId, nothing lost in between. */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { getEventBus } from '../../../events/event-bus'
import type { BulkProgress } from '../../../events/event-types'
import { streamOrgEvents } from './stream-org-events'

type Tracked<T> = [id: string, data: T, symbol?: unknown]

function progress(batchId: string, sent: number): BulkProgress {
  return { batchId, total: 10, pending: 10 - sent, sent, delivered: 0, failed: 0, skipped: 0, excluded: 0, reasons: {}, percent: sent * 10 }
}

function publish(organizationId: string, batchId: string, sent: number) {
  return getEventBus().publish(organizationId, { type: 'bulk.progress', data: progress(batchId, sent) })
}

/** A stream of one batch's `sent` counts, as a subscription handler would build it. */
function sentCounts(organizationId: string, options: { lastEventId?: string | null; snapshot?: () => Promise<number>; signal: AbortSignal }) {
  return streamOrgEvents({
    organizationId,
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
