/**
 * The `whatsapp-media-download` queue: one job per received media message (its id; the message is in
 * PostgreSQL already), run after the message is stored. A few attempts with a growing backoff for
 * WhatsApp's failures; outages (PostgreSQL, Redis) and a session that does not run in this process wait
 * without spending attempts (job-control.ts). The processor is injected (composition root).
 */
import { type Job, Worker } from 'bullmq'
import { getEnv } from '../env'
import { logger } from '../logger'
import { bullConnection, bullPrefix, WORKER_LOCK_OPTIONS } from './connection'
import { outlastingOutages } from './job-control'
import { addWithDeadline, closeProducerQueue, producerQueue, requeueJob, type RequeueOutcome } from './queue-factory'

export const MEDIA_QUEUE = 'whatsapp-media-download'
/** Download attempts (WhatsApp's failures: an expired file, a page error): MEDIA_DOWNLOAD_RETRY_MS (5 s), then 10 s, 20 s apart. */
export const MEDIA_ATTEMPTS = 4

export interface MediaJobData {
  organizationId: string
  messageId: string
}

const jobOptions = () => ({ attempts: MEDIA_ATTEMPTS, backoff: { type: 'exponential' as const, delay: getEnv().MEDIA_DOWNLOAD_RETRY_MS } })
const jobIdOf = (data: MediaJobData) => `media-${data.messageId}`

/** Queues the download of a message's file; false when Redis did not take it (the relay re-queues it). */
export function enqueueMediaDownload(data: MediaJobData): Promise<boolean> {
  return addWithDeadline(producerQueue<MediaJobData>(MEDIA_QUEUE), 'download', data, { ...jobOptions(), jobId: jobIdOf(data) }, { ...data })
}

/** Queues it again whatever became of an earlier job (requeueJob). */
export function requeueMediaDownload(data: MediaJobData): Promise<RequeueOutcome> {
  return requeueJob(producerQueue<MediaJobData>(MEDIA_QUEUE), 'download', data, { ...jobOptions(), jobId: jobIdOf(data) }, { ...data })
}

/** Downloads and stores one message's file; `attempt` is 1-based, `final` when no retry follows a failure. */
export type MediaProcessor = (job: Job<MediaJobData>, token: string | undefined, attempt: { number: number; final: boolean }) => Promise<unknown>

export function startMediaWorker(processor: MediaProcessor, concurrency = 2): Worker<MediaJobData> {
  const worker = new Worker<MediaJobData>(
    MEDIA_QUEUE,
    (job, token) => {
      const number = job.attemptsMade + 1
      const final = number >= (job.opts.attempts ?? 1)
      return outlastingOutages(job, token, () => processor(job, token, { number, final }), {
        context: { organizationId: job.data.organizationId, messageId: job.data.messageId },
        waiting: 'database or Redis unreachable; media download waits',
      })
    },
    { connection: bullConnection(), prefix: bullPrefix(), concurrency, ...WORKER_LOCK_OPTIONS },
  )
  worker.on('error', (err) => logger.warn({ err: err.message, queue: MEDIA_QUEUE }, 'worker error'))
  worker.on('failed', (job, err) =>
    logger.warn(
      { organizationId: job?.data.organizationId, messageId: job?.data.messageId, attempt: job?.attemptsMade, err: err.message },
      'media download attempt failed',
    ),
  )
  return worker
}

export const closeMediaQueue = () => closeProducerQueue(MEDIA_QUEUE)
