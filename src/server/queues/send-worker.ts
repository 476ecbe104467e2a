/**
 * The send worker: one message per job, processed by the function it is given (the domain's send
 * processor, wired in by the composition root).
 */
import { type Job, Worker } from 'bullmq'
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
  const worker = new Worker<SendJobData>(SEND_QUEUE, options.processor, {
    connection: bullConnection(),
    prefix: bullPrefix(),
    concurrency: options.concurrency ?? 10,
    ...WORKER_LOCK_OPTIONS,
  })
  worker.on('error', (err) => logger.warn({ err: err.message, queue: SEND_QUEUE }, 'worker error'))
  observeJobDurations(worker, SEND_QUEUE)
  return worker
}
