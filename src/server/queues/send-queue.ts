/**
 * The `whatsapp-send` queue. Jobs carry only ids ({ messageId, organizationId }): the text stays in
 * PostgreSQL, nothing secret or personal sits in Redis in clear. 3 attempts with exponential backoff
 * from 2 s; completed jobs removed, failed kept for inspection.
 */
import { Queue } from 'bullmq'
import { logger } from '../logger'
import { withTimeout } from '../redis'
import { bullPrefix, PRODUCER_DEADLINE_MS, producerConnection, SEND_QUEUE } from './connection'

export interface SendJobData {
  messageId: string
  organizationId: string
}

/** Our priorities (1 normal, 5 agents, 10 urgent) in BullMQ's order, where a lower number goes first. */
export function bullPriority(priority: number): number {
  return Math.max(1, 11 - Math.min(10, Math.max(1, Math.round(priority))))
}

export const SEND_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential' as const, delay: 2000 },
  removeOnComplete: true,
  removeOnFail: false,
}

const globalForQueue = globalThis as unknown as { __soulSendQueue?: Queue<SendJobData> }

export function getSendQueue(): Queue<SendJobData> {
  if (!globalForQueue.__soulSendQueue) {
    const queue = new Queue<SendJobData>(SEND_QUEUE, {
      connection: producerConnection(),
      prefix: bullPrefix(),
      defaultJobOptions: SEND_JOB_OPTIONS,
    })
    queue.on('error', (err) => logger.warn({ err: err.message, queue: SEND_QUEUE }, 'queue error'))
    globalForQueue.__soulSendQueue = queue
  }
  return globalForQueue.__soulSendQueue
}

/**
 * Hands a message to the queue. Returns false (instead of throwing) when Redis is unreachable: the
 * message is already in PostgreSQL and the outbox relay queues it when Redis is back.
 * The job id is the message id, so queuing twice is harmless.
 */
export async function enqueueSend(data: SendJobData, options: { priority?: number; delayMs?: number } = {}): Promise<boolean> {
  try {
    await withTimeout(
      getSendQueue().add('send-message', data, {
        jobId: data.messageId,
        priority: bullPriority(options.priority ?? 1),
        ...(options.delayMs ? { delay: options.delayMs } : {}),
      }),
      PRODUCER_DEADLINE_MS,
      'redis did not accept the job in time',
    )
    return true
  } catch (err) {
    logger.warn({ organizationId: data.organizationId, messageId: data.messageId, err: (err as Error).message }, 'send job not queued; outbox relay will retry')
    return false
  }
}

/** Removes a kept failed job so the message can be queued again under its own id (retry). */
export async function removeFailedSendJob(messageId: string): Promise<void> {
  try {
    const job = await withTimeout(getSendQueue().getJob(messageId), PRODUCER_DEADLINE_MS, 'redis timeout')
    if (job && (await job.isFailed())) await job.remove()
  } catch {
    // Redis down: the relay will queue it later; a stale failed job would then be cleaned the same way.
  }
}

export async function closeSendQueue(): Promise<void> {
  const queue = globalForQueue.__soulSendQueue
  globalForQueue.__soulSendQueue = undefined
  await queue?.close().catch(() => undefined)
}
