/**
 * Fairness between organizations on the incoming queue (issue 15 point 2): the backlog counter behind
 * each job's priority, and the order a worker takes jobs in when one organization has a burst queued.
 * Order only, no timing: the rule is "another organization's message goes next", whatever the speed.
 */
import { Worker } from 'bullmq'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { getRedis } from '../redis'
import { bullConnection, bullPrefix, INCOMING_QUEUE } from './connection'
import { closeIncomingQueue, enqueueIncoming, getIncomingQueue, type IncomingJobData } from './incoming-queue'
import { backlogOf, enterBacklog, fairPriority, leaveBacklog, MAX_PRIORITY, PLACE_STEP } from './org-fairness'

const org = () => `org-${randomUUID()}`
const lane = (organizationId: string) => ({ queue: 'fairness-test', organizationId })

afterEach(async () => {
  await getIncomingQueue().obliterate({ force: true })
})

afterAll(async () => {
  await closeIncomingQueue()
})

describe('the backlog counter', () => {
  it('places an organization’s jobs 1, 2, 3…, another organization’s first job at 1, and starts again at 1 once drained', async () => {
    const a = org()
    const b = org()
    expect([await enterBacklog(lane(a)), await enterBacklog(lane(a)), await enterBacklog(lane(a))]).toEqual([1, 2, 3])
    expect(await enterBacklog(lane(b))).toBe(1)
    for (let i = 0; i < 3; i++) await leaveBacklog(lane(a))
    expect(await backlogOf(lane(a))).toBe(0)
    expect(await enterBacklog(lane(a))).toBe(1)
  })

  it('keeps an organization’s own order: while it has a backlog, a new job never goes before its earlier ones', async () => {
    const a = org()
    for (let i = 0; i < 5; i++) await enterBacklog(lane(a))
    // Three done: two still wait at places 4 and 5; the next one joins behind them, not at place 3.
    for (let i = 0; i < 3; i++) await leaveBacklog(lane(a))
    expect(await backlogOf(lane(a))).toBe(2)
    expect(await enterBacklog(lane(a))).toBe(5)
  })

  it('never counts below zero, and forgets itself when empty (keys gone)', async () => {
    const a = org()
    expect(await leaveBacklog(lane(a))).toBe(0)
    await enterBacklog(lane(a))
    expect(await leaveBacklog(lane(a))).toBe(0)
    expect(await leaveBacklog(lane(a))).toBe(0)
    expect(await getRedis().keys(`*fair*fairness-test*${a}*`)).toEqual([])
  })

  it('gives the counted keys an expiry, so a count left by a lost job heals by itself', async () => {
    const a = org()
    await enterBacklog(lane(a))
    const keys = await getRedis().keys(`*fair*fairness-test*${a}*`)
    expect(keys).toHaveLength(2)
    for (const key of keys) expect(await getRedis().pttl(key)).toBeGreaterThan(0)
  })

  it('maps places to BullMQ priorities within its range, the kind offset inside each place', () => {
    expect(fairPriority(1)).toBe(1)
    expect(fairPriority(2)).toBe(1 + PLACE_STEP)
    expect(fairPriority(1, PLACE_STEP)).toBe(PLACE_STEP)
    expect(fairPriority(1, PLACE_STEP)).toBeLessThan(fairPriority(2, 1))
    expect(fairPriority(10 ** 9)).toBe(MAX_PRIORITY)
  })
})

describe('the incoming queue under one organization’s burst', () => {
  it('takes another organization’s single message next, not after the burst; each organization in its own order', async () => {
    const burst = org()
    const single = org()
    const BURST = 60
    for (let i = 0; i < BURST; i++) expect(await enqueueIncoming({ organizationId: burst, inboxId: `${burst}-${i}` }, 0)).toBe(true)
    expect(await enqueueIncoming({ organizationId: single, inboxId: `${single}-0` }, 0)).toBe(true)
    expect(await backlogOf({ queue: INCOMING_QUEUE, organizationId: burst })).toBe(BURST)

    // One job at a time, recording the order (the processor does nothing else).
    const order: string[] = []
    const worker = new Worker<IncomingJobData>(
      INCOMING_QUEUE,
      async (job) => {
        order.push(job.data.inboxId)
      },
      { connection: bullConnection(), prefix: bullPrefix(), concurrency: 1 },
    )
    try {
      while (order.length < BURST + 1) await new Promise((r) => setTimeout(r, 50))
    } finally {
      await worker.close()
    }
    // The burst's first job has priority 1 like the single message and was queued first; the single one comes right after.
    expect(order.indexOf(`${single}-0`)).toBeLessThanOrEqual(1)
    const burstOrder = order.filter((id) => id.startsWith(burst))
    expect(burstOrder).toEqual(Array.from({ length: BURST }, (_, i) => `${burst}-${i}`))
  })

  it('a message arriving mid-burst also goes next', async () => {
    const burst = org()
    const late = org()
    const BURST = 40
    for (let i = 0; i < BURST; i++) await enqueueIncoming({ organizationId: burst, inboxId: `${burst}-${i}` }, 0)
    const order: string[] = []
    let lateQueuedAt = -1
    const worker = new Worker<IncomingJobData>(
      INCOMING_QUEUE,
      async (job) => {
        order.push(job.data.inboxId)
        // After ten of the burst, another organization's customer writes.
        if (order.length === 10) {
          await enqueueIncoming({ organizationId: late, inboxId: `${late}-0` }, 0)
          lateQueuedAt = order.length
        }
      },
      { connection: bullConnection(), prefix: bullPrefix(), concurrency: 1 },
    )
    try {
      while (order.length < BURST + 1) await new Promise((r) => setTimeout(r, 50))
    } finally {
      await worker.close()
    }
    // Jobs already fetched ahead by the worker may come first: at most the next one.
    expect(order.indexOf(`${late}-0`) - lateQueuedAt).toBeLessThanOrEqual(1)
  })
})
