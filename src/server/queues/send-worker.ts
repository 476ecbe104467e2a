/**
 * The send worker: one message per job, processed by the function it is given (the domain's send
 * processor, wired in by the composition root).
 */
import { type Job, Worker } from 'bullmq'
import { inJobContext } from '../log-context'
import { logger } from '../logger'
import { observeJobDurations } from '../observability/metrics'
import { bullConnection, bullPrefix, SEND_QUEUE, WORKER_LOCK_OPTIONS } from './connection'
import type { SendJobData } from './send-queue'

export type SendProcessor = (job: Job<SendJobData>, token?: string) => Promise<unknown>

export interface SendWorkerOptions {
  processor: SendProcessor
  /** Jobs processed at once across all organizations (per-organization limits are the pacing gate's). */
  concurrency?: number
}

export function startSendWorker(options: SendWorkerOptions): Worker<SendJobData> {
  // Each job's lines carry its id and the request that queued it (log-context.ts).
  const worker = new Worker<SendJobData>(SEND_QUEUE, (job, token) => inJobContext(job, () => options.processor(job, token)), {
    connection: bullConnection(),
    prefix: bullPrefix(),
    concurrency: options.concurrency ?? 10,
    ...WORKER_LOCK_OPTIONS,
  })
  worker.on('error', (err) => logger.warn({ err: err.message, queue: SEND_QUEUE }, 'worker error'))
  observeJobDurations(worker, SEND_QUEUE)
  return worker
}
