/**
 * What the send and incoming queues share: one lazily created producer Queue per process (a
 * process singleton, since tsx and Next load separate module copies), error listeners, and adds under a
 * deadline that report `false` instead of throwing when Redis is down (the outbox relay takes over).
 */
import { Queue, type JobsOptions } from 'bullmq'
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
    await withTimeout(queue.add(jobName as never, data as never, options), PRODUCER_DEADLINE_MS, 'redis did not accept the job in time')
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
