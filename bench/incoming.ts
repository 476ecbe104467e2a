/**
 * bench/incoming: 5,000 incoming messages over 20 organizations through the whole pipeline (simulator
 * engine, session manager, inbox, queue, worker, transaction, handler), delays off. Prints messages
 * per second fully processed and p50/p99 from the engine's message event to the committed row, the
 * PostgreSQL queries and Redis commands per message, then the same rows written by the bare minimal
 * path (one transaction inserting the message and touching the conversation, at the same concurrency)
 * and the ratio between the two.
 *
 * Fairness (issue 15 point 2): one more organization sends a burst of BENCH_BURST (5,000) messages at
 * once while five others each send single messages, one every 100 ms in turn, until the burst is stored;
 * prints p50/p99/max of those single messages from the engine's event to the committed row.
 *
 *   node --import tsx bench/incoming.ts          (BENCH_N=5000 BENCH_ORGS=20 BENCH_BURST=5000 by default)
 *   INCOMING_CONCURRENCY=8 node --import tsx bench/incoming.ts     (the worker's concurrency; 2 by default)
 *   BENCH_PHASES=throughput …                    (only the throughput and bare phases: no steady, no fairness)
 *   BENCH_PROFILE=1 …                            (also the statements sent most often during the pipeline phase)
 */
import './bench-env'
import { percentile, prepareBenchStores, printTable } from './bench-env'
import { benchNumber } from './bench-number'
import { countRoundTrips, roundTrips, topStatements } from './lib/round-trips'
import { getEnvPart } from '../src/server/env'

countRoundTrips()
const CONCURRENCY = getEnvPart('INCOMING_CONCURRENCY').INCOMING_CONCURRENCY
const ONLY_THROUGHPUT = process.env.BENCH_PHASES === 'throughput'

const N = benchNumber('BENCH_N', 5000)
const ORGS = benchNumber('BENCH_ORGS', 20)
const CUSTOMERS_PER_ORG = 25

await prepareBenchStores()
const { db } = await import('../src/server/db')
const { startHarness, connectPhone } = await import('../src/server/testing/pipeline-harness')
const { getEventBus } = await import('../src/server/events/event-bus')
const phone = await import('../src/server/whatsapp/engines/simulator/simulator-control')
const { clientIdOf } = await import('../src/server/testing/pipeline-harness')
const { createSimulatorEngineFactory } = await import('../src/server/whatsapp/engines/simulator')

// The engine event time of each message, and the time its row was committed (message.created is
// published right after the commit).
const eventAt = new Map<string, number>()
const committedAt = new Map<string, number>()
// The harness's simulator, with the engine's message event timed before the session manager sees it.
const simulator = createSimulatorEngineFactory({ startupMs: 0, ackDelaysMs: [20, 60, 120] })
const harness = await startHarness({
  relayIntervalMs: 60_000,
  engineFactory: (options) => {
    const engine = simulator(options)
    engine.prependListener('message', (m) => eventAt.set(m.id, performance.now()))
    return engine
  },
})
const orgs = []
for (let i = 0; i < ORGS; i++) orgs.push(await db.organization.create({ data: { name: `Bench ${i}` }, select: { id: true } }))
for (const org of orgs) await connectPhone(harness.manager, org.id)

for (const org of orgs) {
  void (async () => {
    for await (const e of getEventBus().subscribe(org.id, { types: ['message.created'] })) {
      if (e.event.data.message.direction === 'INCOMING') committedAt.set(e.event.data.message.id, performance.now())
    }
  })()
}

const texts = ['Салам! Баасы канча?', 'Здравствуйте, есть доставка?', 'Hi, is this available?', 'Рахмат эже', 'Сколько стоит?']
process.stdout.write(`sending ${N} messages over ${ORGS} organizations, incoming concurrency ${CONCURRENCY}…\n`)
const tripsBefore = roundTrips()
const started = performance.now()
const idsByRow = new Map<string, string>()
await Promise.all(
  orgs.map(async (org, o) => {
    for (let i = o; i < N; i += ORGS) {
      const from = `+99670${String(o).padStart(2, '0')}${String(i % CUSTOMERS_PER_ORG).padStart(5, '0')}`
      const sent = await phone.sendAsCustomer(clientIdOf(org.id), { from, name: `Клиент ${i % CUSTOMERS_PER_ORG}`, body: `${texts[i % texts.length]} #${i}` })
      idsByRow.set(sent.id, org.id)
    }
  }),
)
while (committedAt.size < N) {
  await new Promise((r) => setTimeout(r, 200))
  if (performance.now() - started > 15 * 60_000) break
}
const elapsed = (performance.now() - started) / 1000
const trips = roundTrips(tripsBefore)
const profile = topStatements()
const rows = await db.message.findMany({ where: { direction: 'INCOMING' }, select: { id: true, whatsappMessageId: true } })
const latencies: number[] = []
for (const row of rows) {
  const a = eventAt.get(row.whatsappMessageId!)
  const b = committedAt.get(row.id)
  if (a !== undefined && b !== undefined) latencies.push(b - a)
}
latencies.sort((a, b) => a - b)
const pipelineRate = rows.length / elapsed

// Unsaturated: the same pipeline at a steady 10 messages a second (well under its throughput), so the
// latency is the pipeline's own rather than time spent waiting behind a 5,000-message backlog.
const PACED = ONLY_THROUGHPUT ? 0 : benchNumber('BENCH_PACED', 300)
const pacedIds: string[] = []
for (let i = 0; i < PACED; i++) {
  const org = orgs[i % ORGS]!
  const sent = await phone.sendAsCustomer(clientIdOf(org.id), { from: `+996701${String(i).padStart(6, '0')}`, body: `${texts[i % texts.length]} paced ${i}` })
  pacedIds.push(sent.id)
  await new Promise((r) => setTimeout(r, 100))
}
const pacedDeadline = performance.now() + 120_000
let pacedRows: Array<{ id: string; whatsappMessageId: string | null }> = []
while (PACED && performance.now() < pacedDeadline) {
  pacedRows = await db.message.findMany({ where: { whatsappMessageId: { in: pacedIds } }, select: { id: true, whatsappMessageId: true } })
  if (pacedRows.length === PACED && pacedRows.every((r) => committedAt.has(r.id))) break
  await new Promise((r) => setTimeout(r, 200))
}
const pacedLatencies = pacedRows
  .map((r) => (committedAt.get(r.id) ?? NaN) - (eventAt.get(r.whatsappMessageId!) ?? NaN))
  .filter((v) => Number.isFinite(v))
  .sort((a, b) => a - b)

// Fairness: a burst of one organization, single messages of five others meanwhile (see the header).
const fairness = ONLY_THROUGHPUT ? null : await measureFairness()

// The bare minimal path: the same rows, one transaction each, same concurrency as the worker.
const conversations = await db.conversation.findMany({ select: { id: true, organizationId: true } })
const bareN = rows.length
const bareStarted = performance.now()
let next = 0
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < bareN) {
      const i = next++
      const conversation = conversations[i % conversations.length]!
      await db.$transaction([
        db.message.create({
          data: {
            organizationId: conversation.organizationId,
            conversationId: conversation.id,
            content: `${texts[i % texts.length]} #${i}`,
            direction: 'INCOMING',
            sender: 'CLIENT',
            status: 'PENDING',
            whatsappMessageId: `bare_${i}`,
          },
          select: { id: true },
        }),
        db.conversation.update({ where: { id: conversation.id }, data: { lastMessageAt: new Date() }, select: { id: true } }),
      ])
    }
  }),
)
const bareElapsed = (performance.now() - bareStarted) / 1000
const bareRate = bareN / bareElapsed

printTable([
  {
    path: 'pipeline',
    messages: rows.length,
    seconds: elapsed.toFixed(1),
    perSecond: pipelineRate.toFixed(1),
    p50ms: percentile(latencies, 50).toFixed(1),
    p99ms: percentile(latencies, 99).toFixed(1),
    measured: latencies.length,
  },
  {
    path: 'pipeline-steady-10/s',
    messages: pacedLatencies.length,
    p50ms: percentile(pacedLatencies, 50).toFixed(1),
    p99ms: percentile(pacedLatencies, 99).toFixed(1),
  },
  { path: 'bare-minimal', messages: bareN, seconds: bareElapsed.toFixed(1), perSecond: bareRate.toFixed(1) },
  ...(fairness ? [fairness] : []),
])
process.stdout.write(
  `round trips per message (pipeline phase): postgres ${(trips.pg / N).toFixed(1)}, redis ${(trips.redis / N).toFixed(1)} (incoming concurrency ${CONCURRENCY})\n`,
)
if (process.env.BENCH_PROFILE) for (const [statement, count] of profile) process.stdout.write(`  ${(count / N).toFixed(2)}/msg  ${statement}\n`)
process.stdout.write(`ratio pipeline/bare throughput: ${(pipelineRate / bareRate).toFixed(2)}\n`)
await harness.stop()
await db.$disconnect()
process.exit(0)

async function measureFairness(): Promise<Record<string, string | number>> {
  const BURST = benchNumber('BENCH_BURST', 5000)
  const burstOrg = await db.organization.create({ data: { name: 'Bench burst' }, select: { id: true } })
  const others = []
  for (let i = 0; i < 5; i++) others.push(await db.organization.create({ data: { name: `Bench single ${i}` }, select: { id: true } }))
  for (const org of [burstOrg, ...others]) {
    await connectPhone(harness.manager, org.id)
    void (async () => {
      for await (const e of getEventBus().subscribe(org.id, { types: ['message.created'] })) {
        if (e.event.data.message.direction === 'INCOMING') committedAt.set(e.event.data.message.id, performance.now())
      }
    })()
  }
  process.stdout.write(`fairness: a burst of ${BURST} from one organization, single messages of 5 others meanwhile…\n`)
  const burstIds: string[] = []
  const burstStarted = performance.now()
  const burst = (async () => {
    for (let i = 0; i < BURST; i++) {
      const from = `+996702${String(i % CUSTOMERS_PER_ORG).padStart(6, '0')}`
      burstIds.push((await phone.sendAsCustomer(clientIdOf(burstOrg.id), { from, body: `${texts[i % texts.length]} burst ${i}` })).id)
    }
  })()
  const singleIds: string[] = []
  const burstStored = async () =>
    burstIds.length === BURST && (await db.message.count({ where: { organizationId: burstOrg.id, direction: 'INCOMING' } })) >= BURST
  const deadline = performance.now() + 15 * 60_000
  for (let i = 0; performance.now() < deadline; i++) {
    const org = others[i % others.length]!
    const sent = await phone.sendAsCustomer(clientIdOf(org.id), {
      from: `+996703${String(i).padStart(6, '0')}`,
      body: `${texts[i % texts.length]} single ${i}`,
    })
    singleIds.push(sent.id)
    await new Promise((r) => setTimeout(r, 100))
    if (i % 10 === 0 && (await burstStored())) break
  }
  await burst
  const burstSeconds = (performance.now() - burstStarted) / 1000
  // The last single messages may still be on their way: give them a moment, then measure what was stored.
  await new Promise((r) => setTimeout(r, 2000))
  const singles = await db.message.findMany({ where: { whatsappMessageId: { in: singleIds } }, select: { id: true, whatsappMessageId: true } })
  const waits = singles
    .map((r) => (committedAt.get(r.id) ?? NaN) - (eventAt.get(r.whatsappMessageId!) ?? NaN))
    .filter((v) => Number.isFinite(v))
    .sort((a, b) => a - b)
  return {
    path: 'fairness-single-during-burst',
    burst: BURST,
    burstSeconds: burstSeconds.toFixed(1),
    singles: singleIds.length,
    measured: waits.length,
    p50ms: percentile(waits, 50).toFixed(1),
    p99ms: percentile(waits, 99).toFixed(1),
    maxms: (waits[waits.length - 1] ?? NaN).toFixed(1),
  }
}
