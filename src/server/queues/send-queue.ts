/**
 * The `whatsapp-send` queue. Jobs carry only ids ({ messageId, organizationId }): the text stays in
 * PostgreSQL, nothing secret or personal sits in Redis in clear.
 */
import { SEND_QUEUE } from './connection'
import { addWithDeadline, closeProducerQueue, producerQueue, requeueJob, type RequeueOutcome } from './queue-factory'

export interface SendJobData {
  messageId: string
  organizationId: string
  /** The id of the request that queued it (log-context.ts), so its log lines can be followed. */
  requestId?: string
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

export const closeSendQueue = () => closeProducerQueue(SEND_QUEUE)
