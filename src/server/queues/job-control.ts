/** What a processor may tell BullMQ about its job, without knowing BullMQ's internals. */
import { DelayedError, type Job } from 'bullmq'
import { isInfrastructureError, outageBackoffMs } from '../infrastructure-errors'
import { logger } from '../logger'

export { UnrecoverableError } from 'bullmq'

/** Puts the job back to wait `ms` without burning an attempt (BullMQ's manual re-delay). */
export async function delayJob(job: Job, token: string | undefined, ms: number): Promise<never> {
  await job.moveToDelayed(Date.now() + ms, token)
  throw new DelayedError()
}

/** Outage waits so far per job (this process), for the capped backoff; forgotten when the job gets past the outage. */
const outageRetries = new Map<string, number>()

/**
 * Puts the job back because PostgreSQL or Redis is unreachable (see infrastructure-errors.ts): waits with
 * the capped outage backoff (1 s, 2 s, then 4 s) for as long as the outage lasts. Like `delayJob`, it
 * burns no attempt: BullMQ counts an attempt only when a job moves to failed, and a DelayedError does not
 * (bullmq 6.7.0 dist/esm/classes/worker.js:643-661, handleFailed returns before `job.moveToFailed` for a DelayedError).
 */
export function delayForOutage(job: Job, token: string | undefined): Promise<never> {
  const key = `${job.queueName}:${job.id}`
  const retry = outageRetries.get(key) ?? 0
  outageRetries.delete(key)
  outageRetries.set(key, retry + 1)
  // A bound on what a process remembers (the oldest entries go first; Map keeps insertion order).
  if (outageRetries.size > 10_000) outageRetries.delete(outageRetries.keys().next().value as string)
  return delayJob(job, token, outageBackoffMs(retry))
}

/** The job got past the outage (done, or failed for another reason): its next outage starts at 1 s again. */
export function outageOver(job: Job): void {
  outageRetries.delete(`${job.queueName}:${job.id}`)
}

/**
 * Runs a job's work so that PostgreSQL or Redis unreachable (see infrastructure-errors.ts) is not the
 * job's failure: the job waits with the capped outage backoff and keeps its attempts. `ownError` marks
 * errors that are the job's own whatever their words (a WhatsApp error saying "Connection closed").
 */
export async function outlastingOutages<T>(
  job: Job,
  token: string | undefined,
  run: () => Promise<T>,
  options: { context: Record<string, unknown>; waiting: string; ownError?: (error: unknown) => boolean },
): Promise<T> {
  try {
    const result = await run()
    outageOver(job)
    return result
  } catch (error) {
    if (options.ownError?.(error) || !isInfrastructureError(error)) {
      outageOver(job)
      throw error
    }
    logger.warn({ ...options.context, err: (error as Error).message }, options.waiting)
    return delayForOutage(job, token)
  }
}
