/**
 * The simulated "WhatsApp servers": which devices are linked, which numbers are banned, whose network
 * is down, messages waiting for a session. Kept in Redis (under the app's prefix) so it survives a
 * server restart like the real thing does, and so every server process sees the same world.
 * Signals tell running engines that something happened to their session.
 */
import { EventEmitter } from 'node:events'
import type { Redis } from 'ioredis'
import { logger } from '../../../logger'
import { createRedis, getRedis, redisKey } from '../../../redis'
import type { WaRawMessage } from '../../engine/types'

export const simKey = {
  device: (token: string) => redisKey('sim', 'device', token),
  linked: (clientId: string) => redisKey('sim', 'linked', clientId),
  banned: (phoneDigits: string) => redisKey('sim', 'banned', phoneDigits),
  network: (clientId: string) => redisKey('sim', 'net', clientId),
  qr: (clientId: string) => redisKey('sim', 'qr', clientId),
  /** When a QR was emitted (ms), for measuring emit → drawn latency. */
  qrEmittedAt: (qr: string) => redisKey('sim', 'qr-emitted', qr.slice(2, 26)),
  contact: (clientId: string, chatId: string) => redisKey('sim', 'contact', clientId, chatId),
  outbox: (clientId: string) => redisKey('sim', 'outbox', clientId),
  pending: (clientId: string) => redisKey('sim', 'pending', clientId),
  failNext: (clientId: string) => redisKey('sim', 'failnext', clientId),
  history: (clientId: string) => redisKey('sim', 'history', clientId),
  signals: (clientId: string) => redisKey('sim', 'signal', clientId),
}

export interface SimDevice {
  clientId: string
  phone: string
  pushName: string
  linkedAt: number
}

export type SimSignal =
  | { type: 'scan'; qr: string; phone: string; pushName: string }
  | { type: 'incoming' }
  | { type: 'logout' }
  | { type: 'ban' }
  | { type: 'network'; up: boolean }
  | { type: 'read'; messageId: string }

export interface SimOutboxEntry {
  id: string
  to: string
  body: string
  timestamp: number
}

export function redis(): Redis {
  return getRedis()
}

export async function getDevice(token: string): Promise<SimDevice | null> {
  const raw = await redis().get(simKey.device(token))
  return raw ? (JSON.parse(raw) as SimDevice) : null
}

export async function isBanned(phone: string): Promise<boolean> {
  return (await redis().exists(simKey.banned(phone.replace(/\D/g, '')))) === 1
}

export async function isNetworkDown(clientId: string): Promise<boolean> {
  return (await redis().exists(simKey.network(clientId))) === 1
}

/** Takes the next message waiting for this session (each one is delivered to exactly one engine). */
export async function takePending(clientId: string): Promise<WaRawMessage | null> {
  const raw = await redis().lpop(simKey.pending(clientId))
  return raw ? (JSON.parse(raw) as WaRawMessage) : null
}

export async function sendSignal(clientId: string, signal: SimSignal): Promise<void> {
  await redis().publish(simKey.signals(clientId), JSON.stringify(signal))
}

/** One subscriber connection per process, fanning signals out to the engines running here. */
class SignalHub {
  private subscriber: Redis | null = null
  private readonly local = new EventEmitter()

  constructor() {
    this.local.setMaxListeners(0)
  }

  async on(clientId: string, handler: (signal: SimSignal) => void): Promise<() => void> {
    const channel = simKey.signals(clientId)
    const subscriber = this.ensure()
    if (this.local.listenerCount(channel) === 0) await subscriber.subscribe(channel)
    this.local.on(channel, handler)
    return () => {
      this.local.off(channel, handler)
      if (this.local.listenerCount(channel) === 0) subscriber.unsubscribe(channel).catch(() => undefined)
    }
  }

  private ensure(): Redis {
    if (this.subscriber) return this.subscriber
    this.subscriber = createRedis({ maxRetriesPerRequest: null })
    this.subscriber.on('message', (channel: string, message: string) => {
      try {
        this.local.emit(channel, JSON.parse(message) as SimSignal)
      } catch (err) {
        logger.warn({ err }, 'malformed simulator signal')
      }
    })
    return this.subscriber
  }

  async close() {
    const subscriber = this.subscriber
    this.subscriber = null
    this.local.removeAllListeners()
    await subscriber?.quit().catch(() => undefined)
  }
}

const globalForSim = globalThis as unknown as { __soulSimSignals?: SignalHub }
export function simulatorSignals(): SignalHub {
  globalForSim.__soulSimSignals ??= new SignalHub()
  return globalForSim.__soulSimSignals
}
