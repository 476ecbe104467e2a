/**
 * Several session managers in one process stand in for several server nodes sharing PostgreSQL and
 * Redis (issue 15, points 3-7): sessions spread evenly, capacity is never exceeded, a node that stops
 * renewing is taken over by the others without a QR, a node that shuts down hands its sessions over at
 * once, a send for a session another node runs is sent there exactly once (no bounce; a photo too, its
 * job carrying only ids), and an import never runs twice.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { db } from '../db'
import { storeOutgoingMedia } from '../domain/media/outgoing-media'
import { acceptOutgoing } from '../domain/messages/send-service'
import { createSendProcessor } from '../domain/messages/send-processor'
import { getRedis } from '../redis'
import { nodeKey, nodeSetKey } from './session-placement'
import { readSendWaits } from '../queues/send-waits'
import { startSendWorker } from '../queues/send-worker'
import { closeSendQueue, getSendQueue } from '../queues/send-queue'
import { createFaultTenants, linkSimulatorPhones } from '../testing/fault-scenarios'
import { clientIdOf } from '../testing/pipeline-harness'
import { waitFor } from '../testing/wait-for'
import { createSimulatorEngineFactory } from './engines/simulator'
import { simKey, type SimOutboxEntry } from './engines/simulator/simulator-state'
import { WhatsAppSessionManager } from './session-manager'
import { readLeaseOwner } from './session-lease'

const managers: WhatsAppSessionManager[] = []
const stops: Array<() => Promise<unknown>> = []

function node(name: string, extra: Partial<ConstructorParameters<typeof WhatsAppSessionManager>[0]> = {}) {
  const m = new WhatsAppSessionManager({
    engineFactory: createSimulatorEngineFactory({ startupMs: 0, ackDelaysMs: [10, 20, 30] }),
    instanceId: `${name}-${Math.random().toString(36).slice(2, 8)}`,
    leaseTtlMs: 2000,
    tickMs: 200,
    client: { stableConnectionMs: 60_000 },
    ...extra,
  })
  managers.push(m)
  return m
}

/** kill -9 as far as the others can tell: it stops renewing its leases and its heartbeat, and keeps its browsers. */
function freeze(m: WhatsAppSessionManager) {
  const inner = m as unknown as { stopped: boolean; ticker: NodeJS.Timeout | null }
  inner.stopped = true
  if (inner.ticker) clearInterval(inner.ticker)
}

/** `count` organizations with a linked simulated phone, the only sessions wanted in the database. */
async function linkedOrganizations(count: number) {
  const tenants = await createFaultTenants(count)
  await linkSimulatorPhones(tenants)
  await db.whatsAppSession.updateMany({ where: { organizationId: { notIn: tenants.map((t) => t.organizationId) } }, data: { wantedConnected: false } })
  return tenants
}

/**
 * One linked organization whose session runs on an "owner" node, and an "other" node that never runs it
 * (the owner holds the lease) and forwards sends to the owner when `forward` is on.
 */
async function ownerAndOther(forward: boolean) {
  const [tenant] = await linkedOrganizations(1)
  const organizationId = tenant!.organizationId
  const owner = node('owner')
  await owner.start()
  await waitFor(() => owner.isConnected(organizationId), 10_000, 50)
  const other = node('other', { forwardToOwner: forward })
  await other.start()
  return { tenant: tenant!, organizationId, other }
}

/** The send worker on a node (closed after the test). */
function startSendWorkerOn(m: WhatsAppSessionManager) {
  const worker = startSendWorker({ processor: createSendProcessor({ sessionManager: m }), concurrency: 2 })
  stops.push(async () => {
    await worker.close()
    await closeSendQueue()
  })
}

const runningOn = (ms: WhatsAppSessionManager[], organizationId: string) => ms.filter((m) => m.hasLocalSession(organizationId))
const allConnected = (ms: WhatsAppSessionManager[], ids: string[]) => ids.every((id) => ms.some((m) => m.isConnected(id)))

beforeEach(async () => {
  // Heartbeats of earlier files' nodes must not take part in these placements.
  const keys = await getRedis().keys(`${nodeKey('')}*`)
  await getRedis().del(nodeSetKey(), ...keys)
})

afterEach(async () => {
  for (const stop of stops.splice(0)) await stop()
  await Promise.all(managers.splice(0).map((m) => m.disconnectAll()))
})

describe('sessions over several nodes', () => {
  it('balances restored sessions across 3 nodes: none holds more than ⌈sessions/N⌉ + 1, each runs on exactly one', async () => {
    const tenants = await linkedOrganizations(10)
    const ids = tenants.map((t) => t.organizationId)
    const nodes = [node('a'), node('b'), node('c')]
    // One starts first and restores everything it may; the others join and get their share.
    await nodes[0]!.start()
    await Promise.all(nodes.slice(1).map((m) => m.start()))
    await waitFor(() => allConnected(nodes, ids) && nodes.every((m) => m.load <= Math.ceil(10 / 3) + 1), 20_000, 50)
    for (const id of ids) expect(runningOn(nodes, id)).toHaveLength(1)
    expect(nodes.map((m) => m.load).reduce((a, b) => a + b)).toBe(10)
    expect(Math.max(...nodes.map((m) => m.load))).toBeLessThanOrEqual(5)
    expect(Math.min(...nodes.map((m) => m.load))).toBeGreaterThanOrEqual(2)
  })

  it('never starts more sessions on a node than its capacity; a Connect beyond every capacity is refused', async () => {
    const tenants = await linkedOrganizations(5)
    const ids = tenants.map((t) => t.organizationId)
    const nodes = [node('a', { maxSessions: 2 }), node('b', { maxSessions: 2 })]
    let highest = 0
    const sampler = setInterval(() => (highest = Math.max(highest, ...nodes.map((m) => m.load))), 10)
    stops.push(async () => clearInterval(sampler))
    await Promise.all(nodes.map((m) => m.start()))
    await waitFor(() => ids.filter((id) => nodes.some((m) => m.isConnected(id))).length === 4, 15_000, 50)
    // Several more ticks: the fifth stays unplaced.
    await new Promise((r) => setTimeout(r, 1000))
    expect(highest).toBe(2)
    expect(nodes.map((m) => m.load)).toEqual([2, 2])
    expect(ids.filter((id) => runningOn(nodes, id).length === 0)).toHaveLength(1)
    const [extra] = await createFaultTenants(1)
    await expect(nodes[0]!.connect(extra!.organizationId)).rejects.toMatchObject({ code: 'UNAVAILABLE', messageKey: 'whatsappNoCapacity' })
  })

  it('a node that stops renewing (kill -9) is taken over within the lease TTL + 5 s, without a QR and within capacity', async () => {
    const tenants = await linkedOrganizations(6)
    const ids = tenants.map((t) => t.organizationId)
    const nodes = [node('a', { maxSessions: 3 }), node('b', { maxSessions: 3 }), node('c', { maxSessions: 3 })]
    await Promise.all(nodes.map((m) => m.start()))
    await waitFor(() => allConnected(nodes, ids) && nodes.every((m) => m.load === 2), 20_000, 50)
    const dead = nodes[0]!
    const orphans = ids.filter((id) => dead.hasLocalSession(id))
    freeze(dead)
    const killedAt = Date.now()
    const survivors = nodes.slice(1)
    await waitFor(() => orphans.every((id) => survivors.some((m) => m.isConnected(id))), 2000 + 5000, 50)
    const takeoverMs = Date.now() - killedAt
    expect(takeoverMs).toBeLessThan(2000 + 5000)
    expect(survivors.map((m) => m.load)).toEqual([3, 3])
    // The status rows follow the clients' ready events: connected again, and no QR was ever asked for.
    const rows = await waitFor(async () => {
      const found = await db.whatsAppSession.findMany({ where: { organizationId: { in: orphans } } })
      return found.every((r) => r.status === 'CONNECTED') ? found : null
    })
    expect(rows.every((r) => r.qrCode === null && r.errorCode === null)).toBe(true)
  })

  it('a node shutting down hands its sessions over at once, not after the lease TTL', async () => {
    const tenants = await linkedOrganizations(4)
    const ids = tenants.map((t) => t.organizationId)
    // Leases of 20 s: a takeover after the TTL could not pass this test's 5 s.
    const a = node('a', { leaseTtlMs: 20_000 })
    const b = node('b', { leaseTtlMs: 20_000 })
    await Promise.all([a.start(), b.start()])
    await waitFor(() => allConnected([a, b], ids) && a.load === 2 && b.load === 2, 20_000, 50)
    const leaving = ids.filter((id) => a.hasLocalSession(id))
    const startedAt = Date.now()
    await a.disconnectAll()
    await waitFor(() => leaving.every((id) => b.isConnected(id)), 5000, 20)
    expect(Date.now() - startedAt).toBeLessThan(5000)
    for (const id of leaving) expect(await readLeaseOwner(getRedis(), id)).toBe(b.instanceId)
    const rows = await waitFor(async () => {
      const found = await db.whatsAppSession.findMany({ where: { organizationId: { in: leaving } } })
      return found.every((r) => r.status === 'CONNECTED') ? found : null
    })
    expect(rows.every((r) => r.wantedConnected && r.qrCode === null)).toBe(true)
  })

  it.each([
    { forward: true, outcome: 'is sent there exactly once, not re-delayed' },
    { forward: false, outcome: 'bounces (counted) when the node does not forward' },
  ])('a send for an organization another node owns $outcome', async ({ forward }) => {
    const { tenant, organizationId, other } = await ownerAndOther(forward)
    startSendWorkerOn(other)
    const before = await readSendWaits()
    const text = `Ответ через владельца ${Math.random().toString(36).slice(2, 8)}`
    const accepted = await acceptOutgoing({ organizationId, to: '+996700123456', content: text, sender: 'HUMAN', senderId: tenant.operatorId })
    const sentTexts = async () =>
      (await getRedis().lrange(simKey.outbox(clientIdOf(organizationId)), 0, -1))
        .map((raw) => (JSON.parse(raw) as SimOutboxEntry).body)
        .filter((b) => b === text)
    if (forward) {
      const row = await waitFor(async () => {
        const m = await db.message.findUnique({ where: { id: accepted.id } })
        return m?.whatsappMessageId ? m : null
      }, 15_000)
      expect(row.status).not.toBe('FAILED')
      expect(await sentTexts()).toHaveLength(1)
      expect(other.hasLocalSession(organizationId)).toBe(false)
      expect((await readSendWaits()).elsewhere - before.elsewhere).toBe(0)
    } else {
      await waitFor(async () => (await readSendWaits()).elsewhere > before.elsewhere, 10_000)
      expect(await sentTexts()).toHaveLength(0)
      expect((await db.message.findUnique({ where: { id: accepted.id } }))?.status).toBe('PENDING')
    }
  })

  it('a photo for an organization another node owns is sent there once, read from the shared store by the owner (the job carries only ids)', async () => {
    const { tenant, organizationId, other } = await ownerAndOther(true)
    const photo = await readFile(join(process.cwd(), 'src/server/whatsapp/engines/simulator/media', 'photo.jpg'))
    const uploaded = await storeOutgoingMedia(
      organizationId,
      (async function* () {
        yield new Uint8Array(photo)
      })(),
      { fileName: 'витрина.jpg' },
    )
    const before = await readSendWaits()
    const caption = `Фото через владельца ${Math.random().toString(36).slice(2, 8)}`
    const accepted = await acceptOutgoing({
      organizationId,
      to: '+996700123457',
      content: caption,
      sender: 'HUMAN',
      senderId: tenant.operatorId,
      media: { id: uploaded.mediaId },
    })
    const job = await getSendQueue().getJob(accepted.id)
    // Ids only: the bytes stay in the media store, which every node reads (MEDIA_DIR shared, or S3).
    expect(job?.data.messageId).toBe(accepted.id)
    for (const key of Object.keys(job?.data ?? {})) expect(['messageId', 'organizationId', 'requestId', 'lane']).toContain(key)
    expect(JSON.stringify(job?.data ?? {})).not.toContain(photo.subarray(0, 64).toString('base64'))
    // The send worker starts only now, so the job above was read before it could complete (and be removed).
    startSendWorkerOn(other)
    await waitFor(async () => (await db.message.findUnique({ where: { id: accepted.id } }))?.whatsappMessageId ?? null, 15_000)
    const sent = (await getRedis().lrange(simKey.outbox(clientIdOf(organizationId)), 0, -1))
      .map((raw) => JSON.parse(raw) as SimOutboxEntry)
      .filter((entry) => entry.body === caption)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.media).toMatchObject({ kind: 'image', mimetype: 'image/jpeg', size: photo.length })
    expect(other.hasLocalSession(organizationId)).toBe(false)
    expect((await readSendWaits()).elsewhere - before.elsewhere).toBe(0)
  })

  it('an import never runs twice, even asked of three nodes at once, and may run beside the live session on another node', async () => {
    const [tenant] = await linkedOrganizations(1)
    const organizationId = tenant!.organizationId
    const nodes = [node('a'), node('b'), node('c')]
    await nodes[0]!.start()
    await waitFor(() => nodes[0]!.isConnected(organizationId), 10_000, 50)
    const opened = await Promise.allSettled(
      nodes
        .slice(1)
        .flatMap((m, i) =>
          [0, 1].map((k) => m.openImportSession(organizationId, `job-${i}-${k}`, { onQr: () => undefined, onShutdown: async () => undefined })),
        ),
    )
    const fulfilled = opened.filter((o) => o.status === 'fulfilled')
    expect(fulfilled).toHaveLength(1)
    for (const o of opened) if (o.status === 'rejected') expect(o.reason).toMatchObject({ messageKey: 'importAlreadyRunning' })
    // The live session keeps running on its own node meanwhile.
    expect(nodes[0]!.isConnected(organizationId)).toBe(true)
    const runner = nodes.slice(1).find((m) => m.load === 1)
    expect(runner).toBeDefined()
    expect(runner!.hasLocalSession(organizationId)).toBe(false)
    await (fulfilled[0] as PromiseFulfilledResult<Awaited<ReturnType<WhatsAppSessionManager['openImportSession']>>>).value.close()
  })
})
