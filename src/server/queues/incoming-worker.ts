/** The incoming worker: two messages at a time, each processed idempotently from its inbox row. */
import { Worker } from 'bullmq'
import { logger } from '../logger'
import { processIncoming, type IncomingDeps } from '../domain/messages/incoming-service'
import { bullConnection, bullPrefix, INCOMING_QUEUE } from './connection'
import type { IncomingJobData } from './incoming-queue'

export function startIncomingWorker(deps: IncomingDeps, concurrency = 2): Worker<IncomingJobData> {
  const worker = new Worker<IncomingJobData>(
    INCOMING_QUEUE,
    async (job) => {
      const result = await processIncoming(job.data.inboxId, deps)
      return { status: result.status }
    },
    { connection: bullConnection(), prefix: bullPrefix(), concurrency },
  )
  worker.on('error', (err) => logger.warn({ err: err.message, queue: INCOMING_QUEUE }, 'worker error'))
  worker.on('failed', (job, err) =>
    logger.error({ organizationId: job?.data.organizationId, inboxId: job?.data.inboxId, attempt: job?.attemptsMade, err: err.message }, 'incoming processing failed'),
  )
  return worker
}
