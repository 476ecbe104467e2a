/**
 * What the send and incoming queues share: one lazily created producer Queue per process (a
 * process singleton, since tsx and Next load separate module copies), error listeners, and adds under a
 * deadline that report `false` instead of throwing when Redis is down (the outbox relay takes over).
 */
import { Queue, type JobsOptions } from 'bullmq'
import { withRequestId } from '../log-context'
import { logger } from '../logger'
import { processSingleton } from '../process-singleton'
import { withTimeout } from '../redis'
import { bullPrefix, PRODUCER_DEADLINE_MS, producerConnection } from './connection'

/** 3 attempts with exponential backoff from 2 s; completed jobs removed, failed kept for inspection. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential' as const, delay: 2000 },
  removeOnComplete: true,
  removeOnFail: false,
}

const queues = processSingleton('producer-queues', () => new Map<string, Queue>())

export function producerQueue<T>(name: string): Queue<T> {
  let queue = queues.get(name) as Queue<T> | undefined
  if (!queue) {
    queue = new Queue<T>(name, { connection: producerConnection(), prefix: bullPrefix(), defaultJobOptions: DEFAULT_JOB_OPTIONS })
    queue.on('error', (err) => logger.warn({ err: err.message, queue: name }, 'queue error'))
    queues.set(name, queue as Queue)
  }
  return queue
}

/** Adds a job; false when Redis did not take it in time. */
export async function addWithDeadline<T>(queue: Queue<T>, jobName: string, data: T, options: JobsOptions, context: Record<string, unknown>): Promise<boolean> {
  try {
    await withTimeout(queue.add(jobName as never, withRequestId(data) as never, options), PRODUCER_DEADLINE_MS, 'redis did not accept the job in time')
    return true
  } catch (err) {
    logger.warn({ ...context, queue: queue.name, err: (err as Error).message }, 'job not queued; the outbox relay will retry')
    return false
  }
}

export async function closeProducerQueue(name: string): Promise<void> {
  const queue = queues.get(name)
  queues.delete(name)
  await queue?.close().catch(() => undefined)
}

/**
 * What re-queuing a row's job did: `added` (no job existed), `retried` (a failed job was moved back to
 * waiting), `replaced` (a completed job was removed and added again), `already-queued` (the job is
 * waiting, delayed or running: nothing to do), `unavailable` (Redis did not answer; the relay tries again).
 */
export type RequeueOutcome = 'added' | 'retried' | 'replaced' | 'already-queued' | 'unavailable'

/**
 * Queues a job under its fixed id (the row id) whatever became of an earlier job with that id. A plain
 * `add` is ignored while a job with the id exists in any state, failed and completed included (bullmq
 * 6.7.0 dist/esm/interfaces/base-job-options.d.ts:89-92, jobId: "If you attempt to add a job with an id
 * that already exists, it will not be added"), so: a failed job is retried with fresh attempts (`Job.retry('failed',
 * { resetAttemptsMade, resetAttemptsStarted })`, job.js:830, which moves it from failed to wait); a completed
 * one is removed (`Job.remove`, job.js:374) and added again. The row's own status keeps this idempotent:
 * the processors skip a row already done.
 */
export async function requeueJob<T>(
  queue: Queue<T>,
  jobName: string,
  data: T,
  options: JobsOptions & { jobId: string },
  context: Record<string, unknown>,
): Promise<RequeueOutcome> {
  try {
    return await withTimeout(requeue(queue, jobName, data, options), PRODUCER_DEADLINE_MS, 'redis did not answer in time')
  } catch (err) {
    logger.warn({ ...context, queue: queue.name, err: (err as Error).message }, 'job not re-queued; the outbox relay will retry')
    return 'unavailable'
  }
}

async function requeue<T>(queue: Queue<T>, jobName: string, data: T, options: JobsOptions & { jobId: string }): Promise<RequeueOutcome> {
  const existing = await queue.getJob(options.jobId)
  if (!existing) {
    await queue.add(jobName as never, data as never, options)
    return 'added'
  }
  const state = await existing.getState()
  if (state === 'failed') {
    await existing.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true })
    return 'retried'
  }
  if (state === 'completed' || state === 'unknown') {
    await existing.remove()
    await queue.add(jobName as never, data as never, options)
    return 'replaced'
  }
  return 'already-queued'
}
