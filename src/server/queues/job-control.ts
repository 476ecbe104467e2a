/** What a processor may tell BullMQ about its job, without knowing BullMQ's internals. */
import { DelayedError, type Job } from 'bullmq'

export { UnrecoverableError } from 'bullmq'

/** Puts the job back to wait `ms` without burning an attempt (BullMQ's manual re-delay). */
export async function delayJob(job: Job, token: string | undefined, ms: number): Promise<never> {
  await job.moveToDelayed(Date.now() + ms, token)
  throw new DelayedError()
}
