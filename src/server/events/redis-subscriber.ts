/**
 * One Redis subscriber connection per process, fanning channel messages out to local listeners (the
 * event bus, the simulator's signals, the session manager's commands). A channel is subscribed while
 * it has at least one listener; ioredis resubscribes every channel by itself after a reconnect.
 */
import type { Redis } from 'ioredis'
import { logger } from '../logger'
import { processSingleton } from '../process-singleton'
import { createRedis } from '../redis'

export type ChannelListener = (message: string, channel: string) => void

class RedisSubscriber {
  private connection: Redis | null = null
  private readonly listeners = new Map<string, Set<ChannelListener>>()
  /** The SUBSCRIBE in flight per channel, so a second listener also waits until it is confirmed. */
  private readonly subscribing = new Map<string, Promise<unknown>>()

  /**
   * Adds a listener to a channel; resolves once Redis confirmed the subscription (while Redis is down it
   * waits for it to come back), rejects when the subscription fails. Returns the unsubscribe function.
   */
  async subscribe(channel: string, listener: ChannelListener): Promise<() => void> {
    let set = this.listeners.get(channel)
    if (!set) {
      set = new Set()
      this.listeners.set(channel, set)
      const pending = this.ensure().subscribe(channel)
      this.subscribing.set(channel, pending)
      const settle = () => {
        if (this.subscribing.get(channel) === pending) this.subscribing.delete(channel)
      }
      pending.then(settle, settle)
    }
    set.add(listener)
    const unsubscribe = () => this.remove(channel, listener)
    try {
      await this.subscribing.get(channel)
    } catch (err) {
      unsubscribe()
      throw err
    }
    return unsubscribe
  }

  private remove(channel: string, listener: ChannelListener) {
    const set = this.listeners.get(channel)
    if (!set?.delete(listener) || set.size > 0) return
    this.listeners.delete(channel)
    this.connection?.unsubscribe(channel).catch(() => undefined)
  }

  private ensure(): Redis {
    if (this.connection) return this.connection
    const connection = createRedis({ maxRetriesPerRequest: null })
    connection.on('message', (channel: string, message: string) => {
      for (const listener of [...(this.listeners.get(channel) ?? [])]) {
        try {
          listener(message, channel)
        } catch (err) {
          logger.warn({ err, channel }, 'channel listener failed')
        }
      }
    })
    this.connection = connection
    return connection
  }

  /** Closes the connection and drops every listener (shutdown). */
  async close(): Promise<void> {
    const connection = this.connection
    this.connection = null
    this.listeners.clear()
    this.subscribing.clear()
    await connection?.quit().catch(() => undefined)
  }
}

/** The process-wide subscriber (shared by tsx-loaded server.ts and Next's bundled route handlers). */
export function redisSubscriber(): RedisSubscriber {
  return processSingleton('redis-subscriber', () => new RedisSubscriber())
}

export type { RedisSubscriber }
