/**
 * bench/send-pacing: two organizations at 10 messages a minute, each with a deep backlog, for 3
 * minutes. Prints, per organization, the most sends seen in any 60 s window (must not exceed the
 * limit), the share of the limit actually used (≥ 95 %: the jitter is symmetric around an even grid,
 * queues/send-pacing.ts) and the spread of the gaps (p10/p50/p90 around 60 s / limit).
 *
 *   node --import tsx bench/send-pacing.ts            # compressed clock: the real Redis pacing gate, simulated time
 *   node --import tsx bench/send-pacing.ts --real     # real time: the whole pipeline (queue, worker, simulator), 3 minutes;
 *                                                     # a send counts when the engine has it
 */
import './bench-env'
import { percentile, prepareBenchStores, printTable } from './bench-env'
import { benchNumber } from './bench-number'
import { maxInAnyWindow } from '../src/server/testing/seeded-random'

const MINUTES = benchNumber('BENCH_MINUTES', 3)
const PER_MINUTE = 10
const real = process.argv.includes('--real')

function report(label: string, sends: Record<string, number[]>, durationMs: number) {
  const rows = Object.entries(sends).map(([org, times]) => {
    const sorted = [...times].sort((a, b) => a - b)
    const gaps = sorted
      .slice(1)
      .map((t, i) => t - sorted[i]!)
      .sort((a, b) => a - b)
    const allowed = (durationMs / 60_000) * PER_MINUTE
    return {
      mode: label,
      organization: org,
      sends: sorted.length,
      maxIn60s: maxInAnyWindow(sorted, 60_000),
      limit: PER_MINUTE,
      shareOfLimitUsed: `${((sorted.length / allowed) * 100).toFixed(1)}%`,
      gapP10ms: Math.round(percentile(gaps, 10)),
      gapP50ms: Math.round(percentile(gaps, 50)),
      gapP90ms: Math.round(percentile(gaps, 90)),
      gapMinMs: Math.round(gaps[0] ?? NaN),
    }
  })
  printTable(rows)
  const violated = rows.some((r) => r.maxIn60s > PER_MINUTE)
  process.stdout.write(violated ? 'RESULT: limit EXCEEDED\n' : 'RESULT: limit respected in every 60 s window\n')
}

async function compressed() {
  const { acquireSendSlot, releaseSendSlot } = await import('../src/server/queues/send-pacing')
  const { getDefaultWhatsAppSettings } = await import('../src/shared/whatsapp-settings')
  const { getRedis } = await import('../src/server/redis')
  const settings = getDefaultWhatsAppSettings()
  const orgs = ['bench-org-a', 'bench-org-b']
  const sends: Record<string, number[]> = Object.fromEntries(orgs.map((o) => [o, []]))
  const nextTry: Record<string, number> = Object.fromEntries(orgs.map((o) => [o, 0]))
  const start = Date.now() + 1000 // a simulated clock, far from any real key's timestamps
  const end = start + MINUTES * 60_000
  // Each organization always has work waiting; a job that gets no slot waits exactly what the gate says.
  for (let now = start; now < end; now += 50) {
    for (const org of orgs) {
      if (now < nextTry[org]!) continue
      const slot = await acquireSendSlot(org, settings, `job-${sends[org]!.length}`, { now })
      if (slot.granted) {
        sends[org]!.push(now)
        await releaseSendSlot(org) // the send itself takes ~no simulated time
        nextTry[org] = now
      } else nextTry[org] = now + slot.waitMs
    }
  }
  report('compressed-clock', sends, end - start)
  getRedis().disconnect()
}

async function realTime() {
  const { db } = await import('../src/server/db')
  const { startHarness, connectPhone, setSettings, clientIdOf } = await import('../src/server/testing/pipeline-harness')
  const { createSimulatorEngineFactory } = await import('../src/server/whatsapp/engines/simulator')
  // A send counts when the engine has it (what WhatsApp sees), not when its ack event reaches us: the
  // event path's latency varies by hundreds of ms on a loaded machine and would blur the windows.
  const engineSends: Record<string, number[]> = {}
  const simulator = createSimulatorEngineFactory({ startupMs: 0, ackDelaysMs: [100, 200, 300] })
  const harness = await startHarness({
    engineFactory: (options) => {
      const engine = simulator(options)
      const sendText = engine.sendText.bind(engine)
      engine.sendText = async (chatId, text) => {
        const sent = await sendText(chatId, text)
        ;(engineSends[options.clientId] ??= []).push(Date.now())
        return sent
      }
      return engine
    },
  })
  const orgs = await Promise.all([1, 2].map((i) => db.organization.create({ data: { name: `Pacing ${i}` }, select: { id: true } })))
  for (const org of orgs) {
    await setSettings(org.id, { safety: { enableMassSending: true, requireConfirmation: false, maxBatchSize: 100 } })
    await connectPhone(harness.manager, org.id)
  }
  const { sendBulk } = await import('../src/server/domain/messages/bulk-service')
  const backlog = PER_MINUTE * MINUTES + 10
  for (const org of orgs) {
    for (let i = 0; i < backlog; i += 100) {
      await sendBulk({
        organizationId: org.id,
        messages: Array.from({ length: Math.min(100, backlog - i) }, (_, k) => ({ to: `+99670${String(i + k).padStart(7, '0')}`, content: `pacing ${i + k}` })),
        confirmed: true,
        sender: 'HUMAN',
        senderId: null,
        createdById: null,
      })
    }
  }
  const started = Date.now()
  process.stdout.write(`running for ${MINUTES} minutes in real time…\n`)
  await new Promise((r) => setTimeout(r, MINUTES * 60_000))
  const ended = Date.now()
  const sends: Record<string, number[]> = {}
  for (const org of orgs) sends[org.id] = (engineSends[clientIdOf(org.id)] ?? []).filter((t) => t >= started && t < ended)
  report('real-time', sends, MINUTES * 60_000)
  await harness.stop()
  await db.$disconnect()
  process.exit(0)
}

await prepareBenchStores()
if (real) await realTime()
else await compressed()
