/**
 * Fault scenarios over the real pipeline, each returning a FaultReport (fault-run.ts): the fault
 * integration tests assert on the reports, bench/faults.ts prints them.
 * - Redis lost: the stack in this process (pipeline-harness, an in-memory engine that records its sends),
 *   a private Redis killed with SIGKILL and started again empty on the same port.
 * - PostgreSQL stopped: the same stack on a private cluster stopped with `pg_ctl stop -m immediate`.
 * - kill -9, clean restart, failover: server processes (server-process.ts) on the simulator, whose
 *   "WhatsApp servers" live in Redis: its sent log (`sim:outbox:<client>`) counts sends across processes.
 * Every scenario: customers write and replies are queued before the fault, more of both while it lasts,
 * then it clears and the scenario waits until everything is stored and sent (or its wait runs out).
 */
import { hostname } from 'node:os'
import { createPrismaClient, db, getDb, setDb } from '../db'
import { logger } from '../logger'
import { getRedis, withTimeout } from '../redis'
import type { Prisma } from '../db'
import { FakeEngine } from '../whatsapp/engine/fake-engine'
import type { EngineFactory, WaRawMessage, WaSentMessage } from '../whatsapp/engine/types'
import { createSimulatorEngineFactory } from '../whatsapp/engines/simulator'
import { sendAsCustomer } from '../whatsapp/engines/simulator/simulator-control'
import { simKey, type SimOutboxEntry } from '../whatsapp/engines/simulator/simulator-state'
import { readLeaseOwner } from '../whatsapp/session-lease'
import { WhatsAppSessionManager } from '../whatsapp/session-manager'
import { createClient, createConversation, createOrganization, createUser, TEST_SEND_CLOCK_OFF } from './factories'
import { FaultWorkload, type Delivery, type FaultReport, type FaultTenant } from './fault-run'
import { clientIdOf, connectPhone, startHarness } from './pipeline-harness'
import type { PrivatePostgres } from './private-postgres'
import type { PrivateRedis } from './private-redis'
import { ServerProcess } from './server-process'
import { waitFor } from './wait-for'

export interface FaultLoad {
  organizations: number
  customers: number
  /** Customer messages before the fault and while it lasts. */
  incomingBefore: number
  incomingDuring: number
  /** Replies per conversation queued before the fault, and while it lasts. */
  repliesBefore: number
  repliesDuring: number
  /** Conversations per organization that get replies. */
  conversations: number
  /** How long the fault lasts (at least; writing during it may take longer). */
  outageMs: number
  /** How long to wait for everything after the fault cleared. */
  drainTimeoutMs: number
  /**
   * Redis lost: another organization's broadcast of this many messages, queued an hour before the
   * fault, its phone offline. After the loss every one of them is stale at once, older than every reply.
   */
  staleBroadcast?: number
}

/** 20 sends a minute at most (the safe maximum): one organization's replies leave ≥ 3 s apart. */
const FAST_PACING: Prisma.InputJsonValue = { rateLimiting: { messagesPerMinute: 20, concurrency: 5 }, ...TEST_SEND_CLOCK_OFF }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function createFaultTenants(count: number): Promise<FaultTenant[]> {
  const tenants: FaultTenant[] = []
  for (let i = 0; i < count; i++) {
    const organization = await createOrganization(`Fault org ${i + 1}`)
    const operator = await createUser(organization.id, 'OPERATOR')
    await db.organization.update({ where: { id: organization.id }, data: { settings: { whatsapp: FAST_PACING } } })
    tenants.push({ organizationId: organization.id, operatorId: operator.id })
  }
  return tenants
}

/**
 * When the fault strikes: once the pipeline is mid-flow (a customer message stored, a reply sent, work
 * left), 0-2 s later, wherever the flow is, also between a WhatsApp send and its record in PostgreSQL
 * (the re-run job asks WhatsApp before sending again: send-recovery.ts).
 */
async function waitMidFlow(workload: FaultWorkload, timeoutMs: number) {
  await waitFor(
    async () => {
      const p = await workload.progress()
      return p.stored > 0 && p.delivered > 0 && !p.done
    },
    timeoutMs,
    20,
  )
  await sleep(Math.floor(Math.random() * 2000))
}

/** An in-memory engine that records every send, in order, in one list shared by all engines (ids unique across engines). */
class RecordingEngine extends FakeEngine {
  constructor(private readonly deliveries: Delivery[]) {
    super({ autoReady: true })
  }

  override async sendText(chatId: string, text: string): Promise<WaSentMessage> {
    const sent = await super.sendText(chatId, text)
    this.deliveries.push({ chatId, text })
    const id = `${sent.id}_${this.deliveries.length}_${Math.random().toString(36).slice(2, 8)}`
    // What WhatsApp has of the send (findRecentOutgoing) carries the id the caller got.
    this.outgoing[this.outgoing.length - 1]!.id = id
    return { ...sent, id }
  }
}

function recordingFactory(deliveries: Delivery[], engines: Map<string, FakeEngine>): EngineFactory {
  return (options) => {
    const engine = new RecordingEngine(deliveries)
    engines.set(options.organizationId, engine)
    return engine
  }
}

function customerMessage(customerPhone: string, body: string): WaRawMessage {
  const from = `${customerPhone.slice(1)}@c.us`
  return {
    id: `false_${from}_FAULT${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    from,
    to: '996555000001@c.us',
    body,
    timestamp: Math.floor(Date.now() / 1000),
    fromMe: false,
    isStatus: false,
    isGroup: false,
    hasMedia: false,
    type: 'text',
  }
}

/** The pipeline in this process on in-memory engines: what the Redis and PostgreSQL scenarios run on. */
async function inProcessStack(scenario: string, load: FaultLoad) {
  const deliveries: Delivery[] = []
  const engines = new Map<string, FakeEngine>()
  const harness = await startHarness({ engineFactory: recordingFactory(deliveries, engines), relayIntervalMs: 500 })
  const tenants = await createFaultTenants(load.organizations)
  for (const t of tenants) {
    await harness.manager.connect(t.organizationId)
    await waitFor(() => harness.manager.isConnected(t.organizationId), 15_000)
  }
  const workload = new FaultWorkload(scenario, tenants, {
    customers: load.customers,
    deliveries: async () => deliveries,
    writes: async (tenant, phone, body) => {
      const message = customerMessage(phone, body)
      engines.get(tenant.organizationId)!.emit('message', message)
      return message.id
    },
  })
  // A worker waits for its active jobs when it closes: never let a stuck one hold the scenario (and the next) forever.
  const stop = () =>
    withTimeout(harness.stop(), 30_000, 'the pipeline did not stop within 30 s').catch((err: Error) => logger.error({ err: err.message }, 'fault scenario'))
  return { stop, workload }
}

/** An organization whose phone is offline, with a broadcast of `count` messages accepted and queued an hour ago. */
async function queueStaleBroadcast(count: number) {
  const organization = await createOrganization('Fault broadcast org')
  await db.organization.update({ where: { id: organization.id }, data: { settings: { whatsapp: FAST_PACING } } })
  const clients = await Promise.all(Array.from({ length: 10 }, () => createClient(organization.id)))
  const conversations = await Promise.all(clients.map((c) => createConversation(organization.id, c.id, [])))
  const batch = await db.bulkBatch.create({ data: { organizationId: organization.id, sender: 'HUMAN', total: count }, select: { id: true } })
  const hourAgo = Date.now() - 3_600_000
  await db.message.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      organizationId: organization.id,
      conversationId: conversations[i % conversations.length]!.id,
      content: `Рассылка: сообщение ${i + 1}`,
      direction: 'OUTGOING' as const,
      sender: 'HUMAN' as const,
      status: 'PENDING' as const,
      batchId: batch.id,
      createdAt: new Date(hourAgo + i),
      queuedAt: new Date(hourAgo + i),
    })),
  })
}

/**
 * Redis killed (SIGKILL) mid-flow and started again EMPTY on the same port. This process must already
 * use `redis` (REDIS_URL points at it before the app's modules load).
 */
export async function runRedisLost(redis: PrivateRedis, load: FaultLoad): Promise<FaultReport> {
  const { stop, workload } = await inProcessStack('Redis lost', load)
  try {
    if (load.staleBroadcast) await queueStaleBroadcast(load.staleBroadcast)
    await workload.writeIncoming(load.incomingBefore)
    await workload.queueReplies(load.repliesBefore, load.conversations)
    await waitMidFlow(workload, load.drainTimeoutMs)
    await redis.stop()
    const downAt = Date.now()
    // Customers keep writing and operators keep replying: both are stored in PostgreSQL, not queued.
    await workload.writeIncoming(load.incomingDuring)
    await workload.queueReplies(load.repliesDuring, load.conversations)
    await sleep(Math.max(0, load.outageMs - (Date.now() - downAt)))
    await redis.start()
    const times = await workload.waitForDrain(Date.now(), load.drainTimeoutMs)
    return await workload.report(times)
  } finally {
    await stop()
  }
}

/**
 * PostgreSQL stopped with `-m immediate` mid-flow (a private cluster: created, migrated and used as this
 * process's database for the scenario), started again after `outageMs`. Replies are queued before the
 * stop (accepting one needs the database); customers write before and during it.
 */
export async function runPostgresStopped(postgres: PrivatePostgres, load: FaultLoad): Promise<FaultReport> {
  await postgres.init()
  const url = await postgres.createMigratedDatabase('soul_faults')
  const original = getDb()
  const outageDb = createPrismaClient(url)
  setDb(outageDb)
  try {
    const { stop, workload } = await inProcessStack('PostgreSQL stopped', load)
    try {
      await workload.writeIncoming(load.incomingBefore)
      await workload.queueReplies(load.repliesBefore + load.repliesDuring, load.conversations)
      await waitMidFlow(workload, load.drainTimeoutMs)
      await postgres.stopImmediate()
      const downAt = Date.now()
      logger.info('fault scenario: PostgreSQL stopped')
      await workload.writeIncoming(load.incomingDuring)
      await sleep(Math.max(0, load.outageMs - (Date.now() - downAt)))
      await postgres.start()
      logger.info('fault scenario: PostgreSQL started again')
      const times = await workload.waitForDrain(Date.now(), load.drainTimeoutMs)
      const report = await workload.report(times)
      if (report.drainedSeconds !== null) return report
      const stranded = {
        inbox: await db.incomingInbox.count({ where: { organizationId: { in: workload.tenants.map((t) => t.organizationId) }, processedAt: null } }),
        replies: await db.message.count({
          where: { organizationId: { in: workload.tenants.map((t) => t.organizationId) }, direction: 'OUTGOING', status: { in: ['PENDING', 'FAILED'] } },
        }),
      }
      return {
        ...report,
        note: `after ${load.drainTimeoutMs / 1000} s: ${stranded.inbox} inbox rows unprocessed, ${stranded.replies} replies PENDING or FAILED`,
      }
    } finally {
      await stop()
    }
  } finally {
    setDb(original)
    await outageDb.$disconnect().catch(() => undefined)
    await postgres.destroy()
  }
}

/** Links each organization's simulated phone (QR scanned once), then lets the session go as a clean shutdown does. */
export async function linkSimulatorPhones(tenants: FaultTenant[]): Promise<void> {
  const manager = new WhatsAppSessionManager({ engineFactory: createSimulatorEngineFactory({ startupMs: 0 }), leaseTtlMs: 3000, tickMs: 60_000 })
  try {
    for (const t of tenants) await connectPhone(manager, t.organizationId)
  } finally {
    await manager.disconnectAll()
  }
}

/** What the simulated WhatsApp sent for these organizations, oldest first (its log lives in Redis, so it spans processes). */
async function simulatorDeliveries(tenants: FaultTenant[]): Promise<Delivery[]> {
  const all: Delivery[] = []
  for (const t of tenants) {
    const raw = await getRedis().lrange(simKey.outbox(clientIdOf(t.organizationId)), 0, -1)
    for (const entry of raw.reverse()) {
      const e = JSON.parse(entry) as SimOutboxEntry
      all.push({ chatId: e.to, text: e.body })
    }
  }
  return all
}

export type ServerFault = 'kill -9 server' | 'clean restart' | 'failover'

export interface ServerScenarioOptions {
  /** The server processes' environment (database, Redis, prefix, engine); PORT is set per process. */
  env: Record<string, string>
  ports: [number, number]
  /** Server output goes here when set. */
  logFile?: string
}

/** Every organization's session CONNECTED in the database (restored from the stored session: nobody scans a QR here). */
async function waitConnected(tenants: FaultTenant[], timeoutMs: number) {
  await waitFor(
    async () =>
      (await db.whatsAppSession.count({ where: { organizationId: { in: tenants.map((t) => t.organizationId) }, status: 'CONNECTED' } })) === tenants.length,
    timeoutMs,
    100,
  )
}

/**
 * A server process under load is killed with SIGKILL and started again (`kill -9 server`), stopped with
 * SIGTERM and started again (`clean restart`), or killed while a second one runs (`failover`: the
 * survivor takes the sessions over once the dead one's leases expire). Sessions must come back without
 * a QR. The fault clears when the new process is ready (failover: when the first one died).
 */
export async function runServerFault(fault: ServerFault, load: FaultLoad, options: ServerScenarioOptions): Promise<FaultReport> {
  const tenants = await createFaultTenants(load.organizations)
  await linkSimulatorPhones(tenants)
  // The servers run this scenario's sessions only (a server restores every wanted session in its database).
  await db.whatsAppSession.updateMany({ where: { organizationId: { notIn: tenants.map((t) => t.organizationId) } }, data: { wantedConnected: false } })
  const server = (port: number) => new ServerProcess(`server:${port}`, { ...options.env, PORT: String(port) }, options.logFile)
  const first = server(options.ports[0])
  const second = fault === 'failover' ? server(options.ports[1]) : null
  const workload = new FaultWorkload(fault, tenants, {
    customers: load.customers,
    deliveries: () => simulatorDeliveries(tenants),
    writes: async (tenant, phone, body) => (await sendAsCustomer(clientIdOf(tenant.organizationId), { from: phone, body })).id,
  })
  try {
    await first.start()
    await waitConnected(tenants, 30_000)
    if (second) await second.start()
    await workload.writeIncoming(load.incomingBefore)
    await workload.queueReplies(load.repliesBefore, load.conversations)
    await waitMidFlow(workload, load.drainTimeoutMs)
    const downAt = Date.now()
    if (fault === 'clean restart') await first.stop()
    else await first.kill()
    // Customers write to WhatsApp meanwhile (it holds their messages for the session); operators reply.
    await workload.writeIncoming(load.incomingDuring)
    await workload.queueReplies(load.repliesDuring, load.conversations)
    let clearedAt = downAt
    let note: string | undefined
    if (second) {
      const owner = `${hostname()}:${options.ports[1]}`
      await waitFor(async () => (await Promise.all(tenants.map((t) => readLeaseOwner(getRedis(), t.organizationId)))).every((o) => o === owner), 60_000, 100)
      note = `the leases moved to the survivor ${((Date.now() - downAt) / 1000).toFixed(1)} s after the kill`
    } else {
      await sleep(Math.max(0, load.outageMs - (Date.now() - downAt)))
      await first.start()
      clearedAt = first.readyAt
    }
    const times = await workload.waitForDrain(clearedAt, load.drainTimeoutMs)
    await waitConnected(tenants, 5_000).catch(() => {
      note = [note, 'not every session came back CONNECTED (a QR would be needed)'].filter(Boolean).join('; ')
    })
    return await workload.report(times, note)
  } finally {
    await Promise.allSettled([first.stop(), second?.stop()])
  }
}
