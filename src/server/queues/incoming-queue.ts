/**
 * The `whatsapp-incoming-process` queue. Each job names an IncomingInbox row (the message itself is in
 * PostgreSQL already) and waits a random 2–5 s before processing, like a person picking up the phone.
 */
import { INCOMING_QUEUE } from './connection'
import { delayFor } from './delays'
import { addWithDeadline, closeProducerQueue, producerQueue, requeueJob, type RequeueOutcome } from './queue-factory'

export interface IncomingJobData {
  organizationId: string
  inboxId: string
}

export const getIncomingQueue = () => producerQueue<IncomingJobData>(INCOMING_QUEUE)

/** Queues processing of an inbox row; false when Redis is unreachable (the relay retries). */
export function enqueueIncoming(data: IncomingJobData, delayMs = delayFor('incoming')): Promise<boolean> {
  return addWithDeadline(
    getIncomingQueue(),
    'process-incoming',
    data,
    { jobId: `inbox-${data.inboxId}`, ...(delayMs ? { delay: delayMs } : {}) },
    { organizationId: data.organizationId, inboxId: data.inboxId },
  )
}

/** Queues an inbox row again whatever became of its earlier job (failed, completed, vanished): see requeueJob. */
export function requeueIncoming(data: IncomingJobData): Promise<RequeueOutcome> {
  return requeueJob(
    getIncomingQueue(),
    'process-incoming',
    data,
    { jobId: `inbox-${data.inboxId}` },
    { organizationId: data.organizationId, inboxId: data.inboxId },
  )
}

export const closeIncomingQueue = () => closeProducerQueue(INCOMING_QUEUE)
