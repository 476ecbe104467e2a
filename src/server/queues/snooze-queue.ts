/**
 * The `conversation-snooze` queue: one delayed job per snooze, due when the snooze ends. Its id is
 * deterministic (`wake-<conversation>-<until ms>`), so scheduling the same snooze twice (a retry, the
 * startup sweep) adds one job. Delayed jobs live in Redis and outlast server restarts; the startup sweep
 * (domain/conversations/conversation-status.ts) covers a Redis that lost them.
 */
import { Worker } from 'bullmq'
import { logger } from '../logger'
import { bullConnection, bullPrefix, WORKER_LOCK_OPTIONS } from './connection'
import { addWithDeadline, closeProducerQueue, producerQueue } from './queue-factory'

export const SNOOZE_QUEUE = 'conversation-snooze'

export interface SnoozeJobData {
  organizationId: string
  conversationId: string
  /** The snooze's end, ms since the epoch: a job of an older snooze finds a different end and does nothing. */
  until: number
}

export const snoozeJobId = (data: SnoozeJobData) => `wake-${data.conversationId}-${data.until}`

/** Schedules the wake-up; false when Redis did not take it (the sweep at the next start, and a periodic one, cover it). */
export function enqueueSnoozeWake(data: SnoozeJobData, now = Date.now()): Promise<boolean> {
  return addWithDeadline(
    producerQueue<SnoozeJobData>(SNOOZE_QUEUE),
    'wake',
    data,
    { jobId: snoozeJobId(data), delay: Math.max(0, data.until - now) },
    { organizationId: data.organizationId, conversationId: data.conversationId },
  )
}

export function startSnoozeWorker(processor: (data: SnoozeJobData) => Promise<unknown>): Worker<SnoozeJobData> {
  const worker = new Worker<SnoozeJobData>(SNOOZE_QUEUE, async (job) => processor(job.data), {
    connection: bullConnection(),
    prefix: bullPrefix(),
    concurrency: 2,
    ...WORKER_LOCK_OPTIONS,
  })
  worker.on('error', (err) => logger.warn({ err: err.message, queue: SNOOZE_QUEUE }, 'worker error'))
  worker.on('failed', (job, err) =>
    logger.error({ organizationId: job?.data.organizationId, conversationId: job?.data.conversationId, err: err.message }, 'snooze wake-up failed'),
  )
  return worker
}

export const closeSnoozeQueue = () => closeProducerQueue(SNOOZE_QUEUE)
