/**
 * The `whatsapp-incoming-process` queue. Each job names an IncomingInbox row (the message itself is in
 * PostgreSQL already) and waits a random 2–5 s before processing, like a person picking up the phone.
 */
import { Queue } from 'bullmq'
import { logger } from '../logger'
import { withTimeout } from '../redis'
import { bullPrefix, INCOMING_QUEUE, PRODUCER_DEADLINE_MS, producerConnection } from './connection'
import { delayFor } from './delays'

export interface IncomingJobData {
  organizationId: string
  inboxId: string
}

export const INCOMING_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential' as const, delay: 2000 },
  removeOnComplete: true,
  removeOnFail: false,
}

const globalForQueue = globalThis as unknown as { __soulIncomingQueue?: Queue<IncomingJobData> }

export function getIncomingQueue(): Queue<IncomingJobData> {
  if (!globalForQueue.__soulIncomingQueue) {
    const queue = new Queue<IncomingJobData>(INCOMING_QUEUE, {
      connection: producerConnection(),
      prefix: bullPrefix(),
      defaultJobOptions: INCOMING_JOB_OPTIONS,
    })
    queue.on('error', (err) => logger.warn({ err: err.message, queue: INCOMING_QUEUE }, 'queue error'))
    globalForQueue.__soulIncomingQueue = queue
  }
  return globalForQueue.__soulIncomingQueue
}

/** Queues processing of an inbox row; false when Redis is unreachable (the relay retries). */
export async function enqueueIncoming(data: IncomingJobData, delayMs = delayFor('incoming')): Promise<boolean> {
  try {
    await withTimeout(
      getIncomingQueue().add('process-incoming', data, { jobId: `inbox-${data.inboxId}`, ...(delayMs ? { delay: delayMs } : {}) }),
      PRODUCER_DEADLINE_MS,
      'redis did not accept the job in time',
    )
    return true
  } catch (err) {
    logger.warn({ organizationId: data.organizationId, inboxId: data.inboxId, err: (err as Error).message }, 'incoming job not queued; relay will retry')
    return false
  }
}

export async function closeIncomingQueue(): Promise<void> {
  const queue = globalForQueue.__soulIncomingQueue
  globalForQueue.__soulIncomingQueue = undefined
  await queue?.close().catch(() => undefined)
}
