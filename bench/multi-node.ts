/**
 * bench/multi-node: issue 15 points 3-7 over real server processes. Three nodes (background-server.ts:
 * the same composition root server.ts starts, without Next.js; simulator engine; ports 3520-3522) share
 * one PostgreSQL database and Redis prefix (bench-env.ts); 60 organizations with linked phones; customers
 * write and operators reply throughout. Phases: balance at start, kill -9 of one node (takeover, then it
 * comes back), a rolling restart of all three (SIGTERM, start, wait until balanced, next), drain.
 * Prints: sessions per node, send waits by reason (bounced = re-delayed because the session ran on
 * another node), takeover time, per-organization offline time during the rolling restart (p50, max),
 * messages injected / stored / delivered / lost / duplicated / out of order, and per node its
 * PostgreSQL and Redis connections and resident memory (per simulator session from the difference).
 *
 *   SOUL_TEST_NAMESPACE=<ns> node --import tsx bench/multi-node.ts      # ~4-6 minutes on 2 cores
 * The nodes' logs (warnings; NODE_LOG_LEVEL=info for more) go to $TMPDIR/soul-bench-multi-node.log.
 */
import { percentile, prepareBenchStores } from './bench-env'
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'

const { db } = await import('../src/server/db')
const { getRedis } = await import('../src/server/redis')
const { createFaultTenants, linkSimulatorPhones } = await import('../src/server/testing/fault-scenarios')
const { FaultWorkload, formatFaultTable } = await import('../src/server/testing/fault-run')
const { ServerProcess } = await import('../src/server/testing/server-process')
const { clientIdOf } = await import('../src/server/testing/pipeline-harness')
const { waitFor } = await import('../src/server/testing/wait-for')
const { memoryOf } = await import('../src/server/testing/process-memory')
const { sendAsCustomer } = await import('../src/server/whatsapp/engines/simulator/simulator-control')
const { simKey } = await import('../src/server/whatsapp/engines/simulator/simulator-state')
const { NodeRegistry } = await import('../src/server/whatsapp/session-placement')
const { sessionLeaseKey } = await import('../src/server/whatsapp/session-lease')
const { readSendWaits } = await import('../src/server/queues/send-waits')

const ORGANIZATIONS = 60
const CUSTOMERS = 4
const PORTS = [3520, 3521, 3522]
/** The server's default lease TTL (session-manager.ts): the takeover bound is TTL + 5 s. */
const LEASE_TTL_S = 15

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const say = (line: string) => process.stdout.write(`${line}\n`)
const started = Date.now()
const at = () => `${((Date.now() - started) / 1000).toFixed(0)} s`

await prepareBenchStores()
say(`${at()}: creating ${ORGANIZATIONS} organizations and linking their simulated phones…`)
const tenants = await createFaultTenants(ORGANIZATIONS)
await linkSimulatorPhones(tenants)
const ids = tenants.map((t) => t.organizationId)

const logFile = join(tmpdir(), 'soul-bench-multi-node.log')
const nodes = PORTS.map(
  (port) =>
    new ServerProcess(
      `node:${port}`,
      { WHATSAPP_ENGINE: 'simulator', LOG_LEVEL: process.env.NODE_LOG_LEVEL ?? 'warn', PORT: String(port), SHUTDOWN_TIMEOUT_MS: '30000' },
      logFile,
    ),
)
const nodeId = (i: number) => `${hostname()}:${PORTS[i]}`
const registry = new NodeRegistry(getRedis(), 'bench-observer', 0, 1000)

async function loads(): Promise<number[]> {
  const all = await registry.loads()
  return PORTS.map((_, i) => all.find((l) => l.node === nodeId(i))?.load ?? 0)
}
const connectedCount = () => db.whatsAppSession.count({ where: { organizationId: { in: ids }, status: 'CONNECTED' } })
/** Every session CONNECTED and no running node over ⌈sessions/N⌉ + 1. */
async function waitBalanced(running: number, timeoutMs = 120_000) {
  const bound = Math.ceil(ORGANIZATIONS / running) + 1
  await waitFor(
    async () => {
      const l = await loads()
      return (await connectedCount()) === ORGANIZATIONS && l.reduce((a, b) => a + b, 0) === ORGANIZATIONS && Math.max(...l) <= bound
    },
    timeoutMs,
    250,
  )
}

/** This node's established TCP connections to a port (PostgreSQL 5432, Redis 6379), from /proc. */
function connectionsTo(pid: number, remotePort: number): number {
  const inodes = new Set<string>()
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))
      if (m) inodes.add(m[1]!)
    } catch {
      // closed meanwhile
    }
  }
  const hex = `:${remotePort.toString(16).toUpperCase().padStart(4, '0')}`
  let count = 0
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/)
      if (cols[2]?.endsWith(hex) && cols[3] === '01' && inodes.has(cols[9] ?? '')) count++
    }
  }
  return count
}

const workload = new FaultWorkload('multi-node', tenants, {
  customers: CUSTOMERS,
  deliveries: async () => {
    const all: Array<{ chatId: string; text: string }> = []
    for (const t of tenants) {
      const raw = await getRedis().lrange(simKey.outbox(clientIdOf(t.organizationId)), 0, -1)
      for (const entry of raw.reverse()) {
        const e = JSON.parse(entry) as { to: string; body: string }
        all.push({ chatId: e.to, text: e.body })
      }
    }
    return all
  },
  writes: async (tenant, phone, body) => (await sendAsCustomer(clientIdOf(tenant.organizationId), { from: phone, body })).id,
})

/**
 * Customers write 5 messages a second; every 10 s an operator of each organization replies in one
 * conversation. A step the busy machine could not take (a transaction not started in time) is only
 * counted: what was not accepted is not injected, so it cannot be lost.
 */
let loading = false
let loadErrors = 0
let load: Promise<void> = Promise.resolve()
function startLoad() {
  loading = true
  load = (async () => {
    let tick = 0
    while (loading) {
      await workload.writeIncoming(5).catch(() => loadErrors++)
      if (tick++ % 10 === 0) await workload.queueReplies(1, 1).catch(() => loadErrors++)
      await sleep(1000)
    }
  })()
}

const figures: string[] = []
/** Starts a node; a node that dies while starting is reported (its log has why) and started once more. */
async function startNode(i: number) {
  try {
    await nodes[i]!.start(120_000)
  } catch (err) {
    figures.push(`node ${i} failed to start once (${(err as Error).message}); started again`)
    await nodes[i]!.start(120_000)
  }
}
try {
  say(`${at()}: starting ${nodes.length} nodes…`)
  for (const i of nodes.keys()) await startNode(i)
  await waitBalanced(3)
  startLoad()
  const atStart = await loads()
  figures.push(`sessions per node after start: ${atStart.join(' / ')} (bound ⌈60/3⌉ + 1 = 21)`)
  say(`${at()}: balanced ${atStart.join(' / ')}; steady load…`)
  await sleep(15_000)

  // kill -9 of node 0: its organizations go to the two survivors once its leases expire.
  const victims = (await Promise.all(ids.map(async (id) => ((await getRedis().get(sessionLeaseKey(id))) === nodeId(0) ? id : null)))).filter(
    (id): id is string => id !== null,
  )
  const killedAt = Date.now()
  await nodes[0]!.kill()
  say(`${at()}: killed node 0 (${victims.length} sessions)…`)
  await waitFor(
    async () => {
      const owners = await Promise.all(victims.map((id) => getRedis().get(sessionLeaseKey(id))))
      const connected = await db.whatsAppSession.count({ where: { organizationId: { in: victims }, status: 'CONNECTED' } })
      return owners.every((o) => o === nodeId(1) || o === nodeId(2)) && connected === victims.length
    },
    60_000,
    100,
  )
  const takeoverS = (Date.now() - killedAt) / 1000
  const survivors = await loads()
  figures.push(
    `takeover after kill -9: ${victims.length} sessions running again on the survivors ${takeoverS.toFixed(1)} s after the kill (bound: lease TTL ${LEASE_TTL_S} s + 5 s); survivors ${survivors.slice(1).join(' / ')}`,
  )
  say(`${at()}: taken over in ${takeoverS.toFixed(1)} s; node 0 comes back…`)
  await startNode(0)
  const emptyRss = memoryOf(nodes[0]!.pid).rss
  const emptyLoad = (await loads())[0]!
  await waitBalanced(3)
  const fullLoad = (await loads())[0]!
  const fullRss = memoryOf(nodes[0]!.pid).rss
  say(`${at()}: balanced again ${(await loads()).join(' / ')}; rolling restart…`)

  // Rolling restart: per organization, how long its session was not CONNECTED.
  const offlineMs = new Map(ids.map((id) => [id, 0]))
  let sampling = true
  const sampler = (async () => {
    let last = Date.now()
    while (sampling) {
      const rows = await db.whatsAppSession.findMany({ where: { organizationId: { in: ids } }, select: { organizationId: true, status: true } })
      const now = Date.now()
      for (const r of rows) if (r.status !== 'CONNECTED') offlineMs.set(r.organizationId, offlineMs.get(r.organizationId)! + (now - last))
      last = now
      await sleep(200)
    }
  })()
  const rollStart = Date.now()
  for (const [i, n] of nodes.entries()) {
    await n.stop()
    say(`${at()}: node ${i} stopped (SIGTERM); starting it again…`)
    await startNode(i)
    await waitBalanced(3)
  }
  sampling = false
  await sampler
  const offline = [...offlineMs.values()].sort((a, b) => a - b)
  figures.push(
    `rolling restart of 3 nodes (${((Date.now() - rollStart) / 1000).toFixed(0)} s): offline per organization p50 ${(percentile(offline, 50) / 1000).toFixed(1)} s, max ${(offline.at(-1)! / 1000).toFixed(1)} s; ${offline.filter((ms) => ms > 0).length} of ${ORGANIZATIONS} were offline at some point`,
  )
  const final = await loads()
  figures.push(`sessions per node after the rolling restart: ${final.join(' / ')}`)

  // Per node: connections and memory, then what one simulator session costs.
  for (const [i, n] of nodes.entries()) {
    figures.push(
      `node ${i}: ${final[i]} sessions, PostgreSQL connections ${connectionsTo(n.pid!, 5432)}, Redis connections ${connectionsTo(n.pid!, 6379)}, RSS ${(memoryOf(n.pid).rss / 2 ** 20).toFixed(0)} MiB`,
    )
  }
  if (fullLoad > emptyLoad)
    figures.push(
      `memory per simulator session: ≈${((fullRss - emptyRss) / (fullLoad - emptyLoad) / 2 ** 20).toFixed(1)} MiB (node 0: ${emptyLoad} sessions ${(emptyRss / 2 ** 20).toFixed(0)} MiB → ${fullLoad} sessions ${(fullRss / 2 ** 20).toFixed(0)} MiB)`,
    )
} catch (err) {
  // Never leave node processes behind: a later run would meet a second node with the same name.
  say(`failed: ${(err as Error).stack ?? String(err)}`)
  for (const line of figures) say(`- ${line}`)
  await Promise.allSettled(nodes.map((n) => n.kill()))
  process.exit(1)
} finally {
  loading = false
  await load.catch((err: Error) => say(`load stopped: ${err.message}`))
}

say(`${at()}: draining…`)
const times = await workload.waitForDrain(Date.now(), 180_000)
const report = await workload.report(times)
const waits = await readSendWaits()
await Promise.allSettled(nodes.map((n) => n.stop()))
say('')
for (const line of figures) say(`- ${line}`)
if (loadErrors) say(`- load steps the busy machine refused (nothing accepted, nothing injected): ${loadErrors}`)
say(
  `- send waits: bounced (re-delayed because the session ran on another node) ${waits.elsewhere}; waited for a dead owner's takeover ${waits['owner-down']}; waited while not connected anywhere ${waits['not-connected']}`,
)
say('')
say(formatFaultTable([report]))
process.exit(report.lostIncoming + report.lostReplies + report.duplicatedIncoming + report.duplicatedReplies === 0 ? 0 : 1)
