/**
 * Wakes waiting send jobs early: after the governor's pause ends (domain/safety/governor.ts), the
 * organization's held jobs sit delayed until their next check; promoting them lets them go now. A job
 * that is not delayed (or gone) is left alone; one that should still wait (pacing) waits again.
 */
import { Job } from 'bullmq'
import { logger } from '../logger'
import { getSendQueue } from './send-queue'

/** Promotes the delayed send jobs of these messages (job id = message id); returns how many moved. */
export async function promoteSendJobs(messageIds: string[]): Promise<number> {
  const queue = getSendQueue()
  let promoted = 0
  for (const id of messageIds) {
    try {
      const job = await Job.fromId(queue, id)
      if (job && (await job.isDelayed())) {
        await job.promote()
        promoted++
      }
    } catch (err) {
      // Already moved on (promoted, taken by a worker): nothing to wake.
      logger.debug({ messageId: id, err: (err as Error).message }, 'send job not promoted')
    }
  }
  return promoted
}
