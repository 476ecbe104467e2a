/**
 * The `whatsapp-send` queue. Jobs carry only ids ({ messageId, organizationId }): the text stays in
 * PostgreSQL, nothing secret or personal sits in Redis in clear.
 *
 * Organizations share the queue fairly (org-fairness.ts): a job's BullMQ priority is its place in its
 * organization's backlog, with the message's own priority as the offset inside a place. Replies (a
 * person's, to a customer) and bulk or agent messages are counted apart, so an organization's
 * 1,000-message bulk neither pushes another organization's reply back (that reply is 1st in its
 * backlog) nor its own replies (1st in the reply lane, ahead of the bulk's later places).
 */
import { logger } from '../logger'
import { withTimeout } from '../redis'
import { PRODUCER_DEADLINE_MS, SEND_QUEUE } from './connection'
import { enterBacklog, fairPriority, leaveBacklog } from './org-fairness'
import { addWithDeadline, closeProducerQueue, producerQueue, requeueJob, type RequeueOutcome } from './queue-factory'

/** Which backlog a send counts in: bulk and agent messages, or replies (everything else). */
export type SendLane = 'bulk' | 'reply'

export interface SendJobData {
  messageId: string
  organizationId: string
  /** The id of the request that queued it (log-context.ts), so its log lines can be followed. */
  requestId?: string
  /** The backlog it was counted in (org-fairness.ts); absent on jobs queued before lanes existed ('reply'). */
  lane?: SendLane
}

/** Our priorities (1 normal, 5 agents, 10 urgent) in BullMQ's order, where a lower number goes first. */
export function bullPriority(priority: number): number {
  return Math.max(1, 11 - Math.min(10, Math.max(1, Math.round(priority))))
}

export const getSendQueue = () => producerQueue<SendJobData>(SEND_QUEUE)

const fairLane = (data: Pick<SendJobData, 'organizationId' | 'lane'>) => ({
  queue: SEND_QUEUE,
  organizationId: data.organizationId,
  lane: data.lane ?? 'reply',
})

/** The job's BullMQ priority: its place in the organization's backlog, its own priority inside the place; null when Redis does not answer (nothing can be queued then). */
async function fairSendPriority(data: SendJobData, priority: number): Promise<number | null> {
  try {
    return fairPriority(
      await withTimeout(enterBacklog(fairLane(data)), PRODUCER_DEADLINE_MS, 'redis did not count the backlog in time'),
      bullPriority(priority),
    )
  } catch (err) {
    logger.warn(
      { organizationId: data.organizationId, messageId: data.messageId, err: (err as Error).message },
      'send job not queued (redis unavailable); the outbox relay will retry',
    )
    return null
  }
}

/** A send job is done for good (sent, skipped, failed with no retry left, or never added): one less in its organization's backlog. */
export async function leaveSendBacklog(data: Pick<SendJobData, 'organizationId' | 'lane'>): Promise<void> {
  await withTimeout(leaveBacklog(fairLane(data)), PRODUCER_DEADLINE_MS, 'redis did not count the backlog in time').catch((err: Error) =>
    logger.warn({ organizationId: data.organizationId, err: err.message }, 'send backlog not counted down'),
  )
}

/**
 * Hands a message to the queue; false when Redis is unreachable (the message is already in
 * PostgreSQL and the outbox relay queues it later). The job id is the message id: queuing twice is harmless.
 */
export async function enqueueSend(data: SendJobData, options: { priority?: number; delayMs?: number; lane?: SendLane } = {}): Promise<boolean> {
  const job = { ...data, lane: options.lane ?? data.lane ?? 'reply' }
  const priority = await fairSendPriority(job, options.priority ?? 1)
  if (priority === null) return false
  const added = await addWithDeadline(
    getSendQueue(),
    'send-message',
    job,
    { jobId: data.messageId, priority, ...(options.delayMs ? { delay: options.delayMs } : {}) },
    { organizationId: data.organizationId, messageId: data.messageId },
  )
  if (!added) void leaveSendBacklog(job)
  return added
}

/** Queues a message again whatever became of its earlier job (failed, completed, vanished): see requeueJob. */
export async function requeueSend(data: SendJobData, options: { priority?: number; lane?: SendLane } = {}): Promise<RequeueOutcome> {
  const job = { ...data, lane: options.lane ?? data.lane ?? 'reply' }
  const priority = await fairSendPriority(job, options.priority ?? 1)
  if (priority === null) return 'unavailable'
  const outcome = await requeueJob(
    getSendQueue(),
    'send-message',
    job,
    { jobId: data.messageId, priority },
    { organizationId: data.organizationId, messageId: data.messageId },
  )
  // A job still waiting is counted already; one not added counts nothing.
  if (outcome === 'already-queued' || outcome === 'unavailable') void leaveSendBacklog(job)
  return outcome
}

export const closeSendQueue = () => closeProducerQueue(SEND_QUEUE)
