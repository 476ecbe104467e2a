/** The incoming worker: two messages at a time, each processed (idempotently) by the function it is given. */
import { Worker } from 'bullmq'
import { logger } from '../logger'
import { observeJobDurations } from '../observability/metrics'
import { bullConnection, bullPrefix, INCOMING_QUEUE, WORKER_LOCK_OPTIONS } from './connection'
import type { IncomingJobData } from './incoming-queue'
import { outlastingOutages } from './job-control'

/** Processes one inbox row; what it returns is kept as the job's result. */
export type IncomingProcessor = (inboxId: string) => Promise<{ status: string }>

export function startIncomingWorker(processor: IncomingProcessor, concurrency = 2): Worker<IncomingJobData> {
  const worker = new Worker<IncomingJobData>(
    INCOMING_QUEUE,
    (job, token) =>
      // PostgreSQL or Redis unreachable is not the message's failure: wait (capped backoff), keep the attempts.
      outlastingOutages(job, token, async () => ({ status: (await processor(job.data.inboxId)).status }), {
        context: { organizationId: job.data.organizationId, inboxId: job.data.inboxId },
        waiting: 'database or Redis unreachable; processing waits',
      }),
    { connection: bullConnection(), prefix: bullPrefix(), concurrency, ...WORKER_LOCK_OPTIONS },
  )
  worker.on('error', (err) => logger.warn({ err: err.message, queue: INCOMING_QUEUE }, 'worker error'))
  observeJobDurations(worker, INCOMING_QUEUE)
  worker.on('failed', (job, err) =>
    logger.error(
      { organizationId: job?.data.organizationId, inboxId: job?.data.inboxId, attempt: job?.attemptsMade, err: err.message },
      'incoming processing failed',
    ),
  )
  return worker
}
