/**
 * The `whatsapp-send` queue. Jobs carry only ids ({ messageId, organizationId }): the text stays in
 * PostgreSQL, nothing secret or personal sits in Redis in clear.
 */
import { withTimeout } from '../redis'
import { PRODUCER_DEADLINE_MS, SEND_QUEUE } from './connection'
import { addWithDeadline, closeProducerQueue, producerQueue, requeueJob, type RequeueOutcome } from './queue-factory'

export interface SendJobData {
  messageId: string
  organizationId: string
}

/** Our priorities (1 normal, 5 agents, 10 urgent) in BullMQ's order, where a lower number goes first. */
export function bullPriority(priority: number): number {
  return Math.max(1, 11 - Math.min(10, Math.max(1, Math.round(priority))))
}

export const getSendQueue = () => producerQueue<SendJobData>(SEND_QUEUE)

/**
 * Hands a message to the queue; false when Redis is unreachable (the message is already in
 * PostgreSQL and the outbox relay queues it later). The job id is the message id: queuing twice is harmless.
 */
export function enqueueSend(data: SendJobData, options: { priority?: number; delayMs?: number } = {}): Promise<boolean> {
  return addWithDeadline(
    getSendQueue(),
    'send-message',
    data,
    { jobId: data.messageId, priority: bullPriority(options.priority ?? 1), ...(options.delayMs ? { delay: options.delayMs } : {}) },
    { organizationId: data.organizationId, messageId: data.messageId },
  )
}

/** Queues a message again whatever became of its earlier job (failed, completed, vanished): see requeueJob. */
export function requeueSend(data: SendJobData, options: { priority?: number } = {}): Promise<RequeueOutcome> {
  return requeueJob(
    getSendQueue(),
    'send-message',
    data,
    { jobId: data.messageId, priority: bullPriority(options.priority ?? 1) },
    { organizationId: data.organizationId, messageId: data.messageId },
  )
}

/** Removes a kept failed job so the message can be queued again under its own id (retry). */
export async function removeFailedSendJob(messageId: string): Promise<void> {
  try {
    const job = await withTimeout(getSendQueue().getJob(messageId), PRODUCER_DEADLINE_MS, 'redis timeout')
    if (job && (await job.isFailed())) await job.remove()
  } catch {
    // Redis down: the relay queues it later; a stale failed job would be cleaned the same way then.
  }
}

export const closeSendQueue = () => closeProducerQueue(SEND_QUEUE)
