/**
 * The incoming worker: INCOMING_CONCURRENCY messages at a time (2 by default), each processed
 * (idempotently) by the function it is given. A job done for good leaves its organization's backlog
 * (org-fairness.ts), which sets the priority of that organization's next jobs.
 */
import { Worker } from 'bullmq'
import { getEnv } from '../env'
import { inJobContext } from '../log-context'
import { logger } from '../logger'
import { observeJobDurations } from '../observability/metrics'
import { bullConnection, bullPrefix, INCOMING_QUEUE, WORKER_LOCK_OPTIONS } from './connection'
import { leaveIncomingBacklog, type IncomingJobData } from './incoming-queue'
import { outlastingOutages } from './job-control'

/** Processes one inbox row; what it returns is kept as the job's result. */
export type IncomingProcessor = (inboxId: string) => Promise<{ status: string }>

export function startIncomingWorker(processor: IncomingProcessor, concurrency = getEnv().INCOMING_CONCURRENCY): Worker<IncomingJobData> {
  const worker = new Worker<IncomingJobData>(
    INCOMING_QUEUE,
    (job, token) =>
      inJobContext(job, async () => {
        // PostgreSQL or Redis unreachable is not the message's failure: wait (capped backoff), keep the attempts.
        const result = await outlastingOutages(job, token, async () => ({ status: (await processor(job.data.inboxId)).status }), {
          context: { organizationId: job.data.organizationId, inboxId: job.data.inboxId },
          waiting: 'database or Redis unreachable; processing waits',
        })
        // Not awaited: the count is for the next jobs' priorities, not this job's outcome.
        void leaveIncomingBacklog(job.data.organizationId)
        return result
      }),
    { connection: bullConnection(), prefix: bullPrefix(), concurrency, ...WORKER_LOCK_OPTIONS },
  )
  worker.on('error', (err) => logger.warn({ err: err.message, queue: INCOMING_QUEUE }, 'worker error'))
  observeJobDurations(worker, INCOMING_QUEUE)
  worker.on('failed', (job, err) => {
    logger.error(
      { organizationId: job?.data.organizationId, inboxId: job?.data.inboxId, attempt: job?.attemptsMade, err: err.message },
      'incoming processing failed',
    )
    // finishedOn is set only when the job failed for good (no retry left; bullmq 6.7.0 job.js:503-512).
    if (job && typeof job.finishedOn === 'number') void leaveIncomingBacklog(job.data.organizationId)
  })
  return worker
}
