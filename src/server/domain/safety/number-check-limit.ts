/**
 * How often an organization may ask WhatsApp whether numbers exist (new chats). Each check is a query to
 * WhatsApp's servers: a burst of them is a ban risk, and answering them freely would let anyone with an
 * account enumerate which numbers use WhatsApp. rate-limiter-flexible over Redis, shared by every server
 * process: NUMBER_CHECKS_PER_MINUTE and NUMBER_CHECKS_PER_DAY per organization. Redis unreachable: the
 * check is refused (the limit cannot be kept, and a new chat can wait a minute).
 */
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import { AppError } from '../../errors'
import { orgLogger } from '../../logger'
import { processSingleton } from '../../process-singleton'
import { getRedis, redisKey } from '../../redis'

export const NUMBER_CHECKS_PER_MINUTE = 20
export const NUMBER_CHECKS_PER_DAY = 200

function limiters() {
  return processSingleton('number-check-limiters', () => {
    const common = { storeClient: getRedis(), rejectIfRedisNotReady: true }
    return {
      minute: new RateLimiterRedis({ ...common, keyPrefix: redisKey('number-checks', 'minute'), points: NUMBER_CHECKS_PER_MINUTE, duration: 60 }),
      day: new RateLimiterRedis({ ...common, keyPrefix: redisKey('number-checks', 'day'), points: NUMBER_CHECKS_PER_DAY, duration: 24 * 60 * 60 }),
    }
  })
}

/**
 * Counts one number check against the organization's limits; throws AppError(RATE_LIMITED) with the
 * limit and the minutes to wait when a limit is reached, AppError(UNAVAILABLE) when Redis does not answer.
 */
export async function consumeNumberCheck(organizationId: string): Promise<void> {
  const { minute, day } = limiters()
  for (const [limiter, period, limit] of [
    [minute, 'minute', NUMBER_CHECKS_PER_MINUTE],
    [day, 'day', NUMBER_CHECKS_PER_DAY],
  ] as const) {
    try {
      await limiter.consume(organizationId, 1)
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        const minutes = Math.max(1, Math.ceil(err.msBeforeNext / 60_000))
        orgLogger(organizationId, { component: 'new-chat' }).warn({ period, limit }, 'number check limit reached')
        throw new AppError('RATE_LIMITED', period === 'minute' ? 'newChat.checksPerMinute' : 'newChat.checksPerDay', { limit, minutes })
      }
      orgLogger(organizationId, { component: 'new-chat' }).warn({ err: (err as Error).message }, 'number check limit unavailable (redis)')
      throw new AppError('UNAVAILABLE', 'serviceUnavailable')
    }
  }
}
