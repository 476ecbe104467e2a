/**
 * Why send jobs were put back to wait because their session could not take them, counted in Redis
 * (`<prefix>:metrics:send-waits`, one field per reason) so a bench or an operator can read them across
 * nodes. `elsewhere` is a bounce: the session ran on another node and the job was re-delayed instead of
 * being sent there (sends are forwarded to the owner, so it stays 0); `owner-down` waits for the
 * takeover of a node that died; `not-connected` waits for a session that runs nowhere or is starting.
 */
import { logger } from '../logger'
import { getRedis, redisKey } from '../redis'

export type SendWaitReason = 'elsewhere' | 'owner-down' | 'not-connected'

const key = () => redisKey('metrics', 'send-waits')

/** Counts one wait; best effort (a metric never fails a send). */
export async function countSendWait(reason: SendWaitReason, organizationId: string): Promise<void> {
  if (reason === 'elsewhere') logger.warn({ organizationId, component: 'send-worker' }, 'send bounced: its session runs on another node')
  await getRedis()
    .hincrby(key(), reason, 1)
    .catch(() => undefined)
}

/** The counts so far (0 for reasons never seen). */
export async function readSendWaits(): Promise<Record<SendWaitReason, number>> {
  const raw = await getRedis().hgetall(key())
  return { elsewhere: Number(raw.elsewhere ?? 0), 'owner-down': Number(raw['owner-down'] ?? 0), 'not-connected': Number(raw['not-connected'] ?? 0) }
}
