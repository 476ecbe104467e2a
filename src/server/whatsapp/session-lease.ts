/**
 * One organization's session runs in exactly one server process. The owner holds a lease in Redis
 * (SET NX PX), renews it, and releases it on shutdown; when the owner dies, the lease expires and
 * another process takes over.
 */
import type { Redis } from 'ioredis'
import { redisKey } from '../redis'

const RENEW_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`
const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`

/** The Redis key of an organization's lease (or of another lease name, e.g. `import-<org>`). */
export function sessionLeaseKey(organizationId: string): string {
  return redisKey('wa', 'lease', organizationId)
}

/** Who holds the organization's session lease now (one GET), or null when no process runs it. */
export async function readLeaseOwner(redis: Redis, organizationId: string): Promise<string | null> {
  return redis.get(sessionLeaseKey(organizationId))
}

export class SessionLeases {
  constructor(
    private readonly redis: Redis,
    /** This process's identity. */
    readonly ownerId: string,
    readonly ttlMs: number,
  ) {}

  private key(organizationId: string) {
    return sessionLeaseKey(organizationId)
  }

  /** Takes the lease if free (or already ours). */
  async acquire(organizationId: string): Promise<boolean> {
    const key = this.key(organizationId)
    const set = await this.redis.set(key, this.ownerId, 'PX', this.ttlMs, 'NX')
    if (set === 'OK') return true
    return (await this.redis.eval(RENEW_SCRIPT, 1, key, this.ownerId, this.ttlMs)) === 1
  }

  /** Extends the lease; false means it was lost (expired and maybe taken by another process). */
  async renew(organizationId: string): Promise<boolean> {
    return (await this.redis.eval(RENEW_SCRIPT, 1, this.key(organizationId), this.ownerId, this.ttlMs)) === 1
  }

  async release(organizationId: string): Promise<void> {
    await this.redis.eval(RELEASE_SCRIPT, 1, this.key(organizationId), this.ownerId)
  }

  /** Who holds the lease now, or null. */
  async owner(organizationId: string): Promise<string | null> {
    return this.redis.get(this.key(organizationId))
  }
}
