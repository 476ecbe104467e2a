import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EngineError } from './engine/errors'
import { FakeEngine, unreachable } from './engine/fake-engine'
import { reconnectDelay, WhatsAppClient } from './whatsapp-client'

const log = pino({ level: 'silent' })

function setup(scripts: Array<ConstructorParameters<typeof FakeEngine>[0]> = []) {
  const engines: FakeEngine[] = []
  const client = new WhatsAppClient({
    organizationId: 'org_1',
    log,
    stableConnectionMs: 60_000,
    createEngine: () => {
      const engine = new FakeEngine(scripts[engines.length] ?? scripts[scripts.length - 1] ?? {})
      engines.push(engine)
      return engine
    },
  })
  const events: string[] = []
  for (const name of ['qr', 'ready', 'disconnected', 'reconnecting', 'max_reconnect_reached', 'fatal'] as const) {
    client.on(name, () => events.push(name))
  }
  const delays: number[] = []
  client.on('reconnecting', ({ delayMs }) => delays.push(delayMs))
  return { client, engines, events, delays }
}

/** Lets pending promise callbacks run (the client awaits sync/destroy between steps). */
const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}

describe('reconnectDelay', () => {
  it('doubles from 2 s and caps at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6].map(reconnectDelay)).toEqual([2000, 4000, 8000, 16000, 30000, 30000])
  })
})

describe('WhatsAppClient', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('backs off 2, 4, 8, 16, 30 s and gives up after 5 attempts', async () => {
    const { client, engines, events, delays } = setup([{ initError: unreachable() }])
    await client.initialize()
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(delays[delays.length - 1]!)
      await flush()
    }
    expect(delays).toEqual([2000, 4000, 8000, 16000, 30000])
    expect(engines).toHaveLength(6)
    expect(events.filter((e) => e === 'max_reconnect_reached')).toHaveLength(1)
    expect(client.getState()).toBe('failed')
    // Every failed engine was destroyed: no browser left behind.
    expect(engines.every((e) => e.calls.destroy === 1)).toBe(true)
    // Nothing more is scheduled.
    await vi.advanceTimersByTimeAsync(120_000)
    expect(engines).toHaveLength(6)
  })

  it('does not wait before the first backoff delay has passed', async () => {
    const { client, engines } = setup([{ initError: unreachable() }])
    await client.initialize()
    await vi.advanceTimersByTimeAsync(1999)
    expect(engines).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(engines).toHaveLength(2)
  })

  it('a flapping connection does not reset the attempt counter', async () => {
    const { client, engines, delays } = setup([{ autoReady: true }])
    await client.initialize()
    for (let i = 0; i < 3; i++) {
      const engine = engines[engines.length - 1]!
      engine.emit('disconnected', 'NETWORK')
      await flush()
      await vi.advanceTimersByTimeAsync(delays[delays.length - 1]!)
      await flush()
      // Up again, but only for 10 s: not long enough to count as stable.
      expect(client.isConnected()).toBe(true)
      await vi.advanceTimersByTimeAsync(10_000)
    }
    expect(delays).toEqual([2000, 4000, 8000])
    expect(client.reconnectAttempts).toBe(3)
  })

  it('resets the counter once the connection stayed up long enough', async () => {
    const { client, engines, delays } = setup([{ autoReady: true }])
    await client.initialize()
    engines[0]!.emit('disconnected', 'NETWORK')
    await flush()
    await vi.advanceTimersByTimeAsync(2000)
    await flush()
    expect(client.reconnectAttempts).toBe(1)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(client.reconnectAttempts).toBe(0)
    engines[1]!.emit('disconnected', 'NETWORK')
    await flush()
    expect(delays).toEqual([2000, 2000])
  })

  it('syncs the session before reconnecting and before destroying', async () => {
    const { client, engines } = setup([{ autoReady: true }])
    await client.initialize()
    engines[0]!.emit('disconnected', 'NETWORK')
    await flush()
    expect(engines[0]!.log).toEqual(['initialize', 'sync', 'destroy'])
    await vi.advanceTimersByTimeAsync(2000)
    await flush()
    await client.destroy()
    expect(engines[1]!.log).toEqual(['initialize', 'sync', 'destroy'])
    expect(client.getState()).toBe('stopped')
  })

  it.each(['LOGOUT', 'BANNED', 'QR_EXPIRED', 'UNPAIRED'] as const)('does not reconnect after %s', async (reason) => {
    const { client, engines, events } = setup([{ autoReady: true }])
    await client.initialize()
    engines[0]!.emit('disconnected', reason)
    await flush()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(engines).toHaveLength(1)
    expect(events).not.toContain('reconnecting')
    expect(client.isConnected()).toBe(false)
  })

  it('a browser that cannot start is fatal at once, not retried', async () => {
    const { client, engines, events } = setup([{ initError: new EngineError('BROWSER_LAUNCH_FAILED', 'no chromium', { retryable: false }) }])
    await client.initialize()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(engines).toHaveLength(1)
    expect(events).toEqual(['fatal'])
    expect(client.getState()).toBe('failed')
  })

  it('passes customer messages, drops our own, statuses and groups, and turns media into placeholders', async () => {
    const { client, engines } = setup([{ autoReady: true }])
    const received: Array<{ body: string; from: string }> = []
    client.on('message', (m) => received.push(m))
    await client.initialize()
    const engine = engines[0]!
    engine.receive({ body: 'Салам!' })
    engine.receive({ body: 'mine', fromMe: true })
    engine.receive({ body: 'story', isStatus: true, from: 'status@broadcast' })
    engine.receive({ body: 'group chat', isGroup: true, from: '120363@g.us' })
    engine.receive({ body: '', hasMedia: true, type: 'image' })
    engine.receive({ body: 'вот чек', hasMedia: true, type: 'document' })
    engine.receive({ body: '', hasMedia: true, type: 'voice' })
    expect(received.map((m) => m.body)).toEqual(['Салам!', '[Media: image]', '[Media: document] вот чек', '[Media: voice]'])
  })

  it('refuses to send unless connected', async () => {
    const { client } = setup([{}])
    await client.initialize()
    await expect(client.sendMessage('996700111222@c.us', 'hi')).rejects.toMatchObject({ code: 'NOT_CONNECTED' })
  })

  it('ignores events from an engine it already replaced', async () => {
    const { client, engines, events } = setup([{ autoReady: true }])
    await client.initialize()
    const old = engines[0]!
    old.emit('disconnected', 'NETWORK')
    await flush()
    const before = events.length
    old.emit('ready', { wid: 'x', phone: 'x' })
    expect(events.length).toBe(before)
  })
})
