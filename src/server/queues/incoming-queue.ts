/**
 * The `whatsapp-incoming-process` queue. Each job names an IncomingInbox row (the message itself is in
 * PostgreSQL already) and waits a random 2–5 s before processing, like a person picking up the phone.
 * Jobs are prioritized by their place in their organization's backlog (org-fairness.ts), so one
 * organization's burst does not hold another's messages back.
 */
import { logger } from '../logger'
import { withTimeout } from '../redis'
import { INCOMING_QUEUE, PRODUCER_DEADLINE_MS } from './connection'
import { delayFor } from './delays'
import { enterBacklog, fairPriority, leaveBacklog } from './org-fairness'
import { addWithDeadline, closeProducerQueue, producerQueue, requeueJob, type RequeueOutcome } from './queue-factory'

export interface IncomingJobData {
  organizationId: string
  inboxId: string
}

export const getIncomingQueue = () => producerQueue<IncomingJobData>(INCOMING_QUEUE)

const laneOf = (organizationId: string) => ({ queue: INCOMING_QUEUE, organizationId })

/** The priority of a new job of the organization (its place in the backlog); null when Redis does not answer (nothing can be queued then). */
async function enterIncomingBacklog(organizationId: string): Promise<number | null> {
  try {
    return fairPriority(await withTimeout(enterBacklog(laneOf(organizationId)), PRODUCER_DEADLINE_MS, 'redis did not count the backlog in time'))
  } catch (err) {
    logger.warn({ organizationId, err: (err as Error).message }, 'incoming job not queued (redis unavailable); the outbox relay will retry')
    return null
  }
}

/** One job of the organization is done for good (processed, failed with no retry left, or never added). */
export async function leaveIncomingBacklog(organizationId: string): Promise<void> {
  await withTimeout(leaveBacklog(laneOf(organizationId)), PRODUCER_DEADLINE_MS, 'redis did not count the backlog in time').catch((err: Error) =>
    logger.warn({ organizationId, err: err.message }, 'incoming backlog not counted down'),
  )
}

/** Queues processing of an inbox row; false when Redis is unreachable (the relay retries). */
export async function enqueueIncoming(data: IncomingJobData, delayMs = delayFor('incoming')): Promise<boolean> {
  const priority = await enterIncomingBacklog(data.organizationId)
  if (priority === null) return false
  const added = await addWithDeadline(
    getIncomingQueue(),
    'process-incoming',
    data,
    { jobId: `inbox-${data.inboxId}`, priority, ...(delayMs ? { delay: delayMs } : {}) },
    { organizationId: data.organizationId, inboxId: data.inboxId },
  )
  if (!added) void leaveIncomingBacklog(data.organizationId)
  return added
}

/** Queues an inbox row again whatever became of its earlier job (failed, completed, vanished): see requeueJob. */
export async function requeueIncoming(data: IncomingJobData): Promise<RequeueOutcome> {
  const priority = await enterIncomingBacklog(data.organizationId)
  if (priority === null) return 'unavailable'
  const outcome = await requeueJob(
    getIncomingQueue(),
    'process-incoming',
    data,
    { jobId: `inbox-${data.inboxId}`, priority },
    { organizationId: data.organizationId, inboxId: data.inboxId },
  )
  // A job already waiting is counted already; one not added counts nothing.
  if (outcome === 'already-queued' || outcome === 'unavailable') void leaveIncomingBacklog(data.organizationId)
  return outcome
}

export const closeIncomingQueue = () => closeProducerQueue(INCOMING_QUEUE)
