/**
 * Failure paths of the pipeline: Redis stopped mid-flow (a private Redis this file owns), a crash in
 * the middle of processing, the database unreachable when a message arrives.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

const redisPort = vi.hoisted(() => {
  if (process.env.DEBUG_FAILURE_PATHS) process.env.LOG_LEVEL = 'info'
  const port = 6391 + Math.floor(Math.random() * 200)
  process.env.REDIS_URL = `redis://127.0.0.1:${port}/0`
  return port
})

import { createPrismaClient, db, getDb, setDb } from '../../db'
import { FakeEngine } from '../../whatsapp/engine/fake-engine'
import { createTenant, type Tenant } from '../../testing/factories'
import { startHarness, type Harness } from '../../testing/pipeline-harness'
import { PrivateRedis } from '../../testing/private-redis'
import { waitFor } from '../../testing/wait-for'
import { integrationEnv } from '../../testing/test-env'
import { acceptIncoming, incomingBuffer, processIncoming } from './incoming-service'
import { relayOnce } from './outbox-relay'
import { acceptOutgoing } from './send-service'

const redis = new PrivateRedis(redisPort)
const engines: FakeEngine[] = []
let harness: Harness
let tenant: Tenant

const incoming = (n: number, from = '996700300001@c.us') => ({
  id: `false_${from}_FAIL${Date.now()}${n}${Math.random().toString(36).slice(2, 6)}`,
  from,
  to: '996555000001@c.us',
  body: `Сообщение ${n}`,
  timestamp: Math.floor(Date.now() / 1000),
  hasMedia: false,
  type: 'text' as const,
})

beforeAll(async () => {
  await redis.start()
  harness = await startHarness({
    relayIntervalMs: 200,
    engineFactory: () => {
      const engine = new FakeEngine({ autoReady: true })
      engines.push(engine)
      return engine
    },
  })
  tenant = await createTenant()
  await harness.manager.connect(tenant.organization.id)
  await waitFor(() => harness.manager.isConnected(tenant.organization.id))
}, 60_000)

afterAll(async () => {
  await harness.stop()
  await redis.stop()
})

describe('Redis stops mid-flow', () => {
  it('loses nothing: incoming and outgoing messages are stored, then queued and processed when Redis is back', async () => {
    const org = tenant.organization.id
    await redis.stop()

    // Customers write while Redis is down (the engine events go through the session manager as usual).
    const engine = engines[engines.length - 1]!
    const sent = [incoming(1), incoming(2), incoming(3)]
    for (const m of sent) engine.emit('message', { ...m, fromMe: false, isStatus: false, isGroup: false })
    // An operator replies while Redis is down.
    const reply = await acceptOutgoing({ organizationId: org, to: '+996700300001', content: 'Ответ без Redis', sender: 'HUMAN', senderId: tenant.operator.id })
    expect(reply.queued).toBe(false)
    await waitFor(async () => (await db.incomingInbox.count({ where: { organizationId: org } })) === 3, 15_000)
    // Each row is written marked queued (one statement, issue 15) and unmarked once Redis refused its job.
    await waitFor(async () => (await db.incomingInbox.count({ where: { organizationId: org, queuedAt: null } })) === 3, 15_000)
    expect((await db.message.findUniqueOrThrow({ where: { id: reply.id } })).status).toBe('PENDING')

    await redis.start()
    // Redis came back empty (no persistence): the session manager re-takes its lease, the relay re-queues.
    const ids = sent.map((m) => m.id)
    await waitFor(async () => (await db.message.count({ where: { organizationId: org, whatsappMessageId: { in: ids } } })) === 3, 30_000, 100)
    await waitFor(async () => (await db.message.findUniqueOrThrow({ where: { id: reply.id } })).status === 'SENT', 30_000, 100)
    const contents = (
      await db.message.findMany({ where: { organizationId: org, whatsappMessageId: { in: ids } }, select: { content: true, direction: true } })
    ).map((m) => m.content)
    expect(contents.sort()).toEqual(['Сообщение 1', 'Сообщение 2', 'Сообщение 3'])
    expect(engines.some((e) => e.sent.some((s) => s.text === 'Ответ без Redis'))).toBe(true)
  }, 90_000)
})

describe('a crash in the middle of processing', () => {
  it('leaves no half-created client and no duplicate message; the retry completes it once', async () => {
    const org = tenant.organization.id
    const message = incoming(9, '996700300009@c.us')
    // Straight into the inbox, not queued: the test runs the processing itself.
    const { id: inboxId } = await db.incomingInbox.create({
      data: { organizationId: org, whatsappMessageId: message.id, payload: message, queuedAt: new Date() },
      select: { id: true },
    })
    await expect(
      processIncoming(inboxId, {
        beforeCommit: async () => {
          throw new Error('simulated crash before commit')
        },
      }),
    ).rejects.toThrow('simulated crash')
    expect(await db.client.count({ where: { organizationId: org, phone: '+996700300009' } })).toBe(0)
    expect(await db.message.count({ where: { organizationId: org, whatsappMessageId: message.id } })).toBe(0)
    expect((await db.incomingInbox.findUniqueOrThrow({ where: { id: inboxId } })).processedAt).toBeNull()

    const [first, second] = await Promise.all([processIncoming(inboxId), processIncoming(inboxId)])
    expect([first.status, second.status].sort()).toEqual(['duplicate', 'processed'])
    expect(await db.client.count({ where: { organizationId: org, phone: '+996700300009' } })).toBe(1)
    expect(await db.message.count({ where: { organizationId: org, whatsappMessageId: message.id } })).toBe(1)
  })
})

describe('the database is unreachable when a message arrives', () => {
  it('buffers it and stores it once the database is back', async () => {
    const org = tenant.organization.id
    const real = getDb()
    const deadUrl = new URL(integrationEnv.DATABASE_URL)
    deadUrl.port = '1'
    setDb(createPrismaClient(deadUrl.toString()))
    const message = incoming(20, '996700300020@c.us')
    const result = await acceptIncoming(org, message)
    // Kept in the local spool (a file), not in memory: it outlives a restart (spool-outage tests in postgres-outage.int.test.ts).
    expect(result).toMatchObject({ inboxId: null, queued: false, kept: 'spooled' })
    expect(incomingBuffer).toHaveLength(0)
    setDb(real)
    await relayOnce()
    await waitFor(() => db.message.findFirst({ where: { organizationId: org, whatsappMessageId: message.id } }), 15_000)
  }, 30_000)
})
