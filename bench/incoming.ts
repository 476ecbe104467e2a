/**
 * bench/incoming: 5,000 incoming messages over 20 organizations through the whole pipeline (simulator
 * engine, session manager, inbox, queue, worker, transaction, handler), delays off. Prints messages
 * per second fully processed and p50/p99 from the engine's message event to the committed row, then
 * the same rows written by the bare minimal path (one transaction inserting the message and touching
 * the conversation) and the ratio between the two.
 *
 *   node --import tsx bench/incoming.ts          (BENCH_N=5000 BENCH_ORGS=20 by default)
 */
import './bench-env'
import { percentile, prepareBenchStores, printTable } from './bench-env'
import { benchNumber } from './bench-number'

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
process.stdout.write(`sending ${N} messages over ${ORGS} organizations…\n`)
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
const PACED = benchNumber('BENCH_PACED', 300)
const pacedIds: string[] = []
for (let i = 0; i < PACED; i++) {
  const org = orgs[i % ORGS]!
  const sent = await phone.sendAsCustomer(clientIdOf(org.id), { from: `+996701${String(i).padStart(6, '0')}`, body: `${texts[i % texts.length]} paced ${i}` })
  pacedIds.push(sent.id)
  await new Promise((r) => setTimeout(r, 100))
}
const pacedDeadline = performance.now() + 120_000
let pacedRows: Array<{ id: string; whatsappMessageId: string | null }> = []
while (performance.now() < pacedDeadline) {
  pacedRows = await db.message.findMany({ where: { whatsappMessageId: { in: pacedIds } }, select: { id: true, whatsappMessageId: true } })
  if (pacedRows.length === PACED && pacedRows.every((r) => committedAt.has(r.id))) break
  await new Promise((r) => setTimeout(r, 200))
}
const pacedLatencies = pacedRows
  .map((r) => (committedAt.get(r.id) ?? NaN) - (eventAt.get(r.whatsappMessageId!) ?? NaN))
  .filter((v) => Number.isFinite(v))
  .sort((a, b) => a - b)

// The bare minimal path: the same rows, one transaction each, same concurrency as the worker (2).
const conversations = await db.conversation.findMany({ select: { id: true, organizationId: true } })
const bareN = rows.length
const bareStarted = performance.now()
let next = 0
await Promise.all(
  [0, 1].map(async () => {
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
])
process.stdout.write(`ratio pipeline/bare throughput: ${(pipelineRate / bareRate).toFixed(2)}\n`)
await harness.stop()
await db.$disconnect()
process.exit(0)
