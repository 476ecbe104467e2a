/**
 * The send worker: one message per job, processed by the function it is given (the domain's send
 * processor, wired in by the composition root).
 */
import { type Job, Worker } from 'bullmq'
import { inJobContext } from '../log-context'
import { logger } from '../logger'
import { observeJobDurations } from '../observability/metrics'
import { bullConnection, bullPrefix, SEND_QUEUE, WORKER_LOCK_OPTIONS } from './connection'
import { leaveSendBacklog, type SendJobData } from './send-queue'

export type SendProcessor = (job: Job<SendJobData>, token?: string) => Promise<unknown>

export interface SendWorkerOptions {
  processor: SendProcessor
  /** Jobs processed at once across all organizations (per-organization limits are the pacing gate's). */
  concurrency?: number
}

export function startSendWorker(options: SendWorkerOptions): Worker<SendJobData> {
  // Each job's lines carry its id and the request that queued it (log-context.ts).
  const worker = new Worker<SendJobData>(
    SEND_QUEUE,
    (job, token) =>
      inJobContext(job, async () => {
        const result = await options.processor(job, token)
        // Done for good (a re-delay throws instead): the organization's next sends move up (org-fairness.ts). Not awaited.
        void leaveSendBacklog(job.data)
        return result
      }),
    {
      connection: bullConnection(),
      prefix: bullPrefix(),
      concurrency: options.concurrency ?? 10,
      ...WORKER_LOCK_OPTIONS,
    },
  )
  // finishedOn is set only when the job failed for good (no retry left; bullmq 6.7.0 job.js:503-512).
  worker.on('failed', (job) => {
    if (job && typeof job.finishedOn === 'number') void leaveSendBacklog(job.data)
  })
  worker.on('error', (err) => logger.warn({ err: err.message, queue: SEND_QUEUE }, 'worker error'))
  observeJobDurations(worker, SEND_QUEUE)
  return worker
}
