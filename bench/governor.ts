/**
 * bench/governor: how fast the sending governor (src/server/domain/safety/governor.ts) pauses once
 * WhatsApp starts answering badly. For each kind of bad answer (ack −1, "not on WhatsApp", never
 * delivered) and failure rate (0, 10, 30, 60, 100 %), one organization with the default rule first
 * sends BENCH_HEALTHY good bulk messages, then failures begin at that rate (a seeded draw, the same on
 * every run). Before each send the governor judges the window, as the send processor does; the bench
 * prints how many sends went out after failures began before the pause (or "never" within BENCH_CAP).
 *
 * A compressed clock: sends are rows written with the timestamps they would have at 10 messages a
 * minute, and the governor is asked with that clock (its real queries on PostgreSQL); no waiting.
 * Replies are not simulated: the reply-rate rule needs 2 h of sends (replyWaitMinutes), longer than a run.
 *
 *   node --import tsx bench/governor.ts
 */
import './bench-env'
import { prepareBenchStores, printTable } from './bench-env'
import { benchNumber } from './bench-number'

const HEALTHY = benchNumber('BENCH_HEALTHY', 50)
const CAP = benchNumber('BENCH_CAP', 400)
const GAP_MS = 6000 // 10 messages a minute
const RATES = [0, 10, 30, 60, 100]
type Kind = 'ackFailed' | 'notOnWhatsApp' | 'undelivered'
const KINDS: Kind[] = ['ackFailed', 'notOnWhatsApp', 'undelivered']

async function main() {
  await prepareBenchStores()
  const { db } = await import('../src/server/db')
  const { evaluateGovernor, readGovernorState } = await import('../src/server/domain/safety/governor')
  const { drawPercent } = await import('../src/server/whatsapp/engines/simulator/simulator-behaviour')
  const { getDefaultWhatsAppSettings } = await import('../src/shared/whatsapp-settings')
  const rule = getDefaultWhatsAppSettings().governor

  async function run(kind: Kind, rate: number) {
    const org = await db.organization.create({ data: { name: `bench ${kind} ${rate}` }, select: { id: true } })
    const batch = await db.bulkBatch.create({ data: { organizationId: org.id, sender: 'HUMAN', total: HEALTHY + CAP }, select: { id: true } })
    const conversations = []
    for (let i = 0; i < 20; i++) {
      const client = await db.client.create({
        data: { organizationId: org.id, phone: `+99670${String(i).padStart(7, '0')}1`, name: `c${i}` },
        select: { id: true },
      })
      conversations.push(
        (await db.conversation.create({ data: { organizationId: org.id, clientId: client.id, channel: 'WHATSAPP' }, select: { id: true } })).id,
      )
    }
    const start = Date.now() - (HEALTHY + CAP + 10) * GAP_MS
    let afterFailuresBegan = 0
    let failuresSent = 0
    for (let n = 0; n < HEALTHY + CAP; n++) {
      const at = new Date(start + n * GAP_MS)
      if (await evaluateGovernor(org.id, at, rule)) break
      const failing = n >= HEALTHY && drawPercent(rate + 1000 * KINDS.indexOf(kind), n) < rate
      if (n >= HEALTHY) afterFailuresBegan++
      if (failing) failuresSent++
      const base = {
        organizationId: org.id,
        conversationId: conversations[n % conversations.length]!,
        content: `bench ${n}`,
        direction: 'OUTGOING' as const,
        sender: 'HUMAN' as const,
        batchId: batch.id,
        sendAttemptAt: at,
        createdAt: at,
      }
      const sent = { whatsappMessageId: `bench_${org.id}_${n}`, sentAt: at }
      // Healthy: delivered a few seconds later.
      if (!failing) await db.message.create({ data: { ...base, ...sent, status: 'DELIVERED', deliveredAt: new Date(at.getTime() + 2000) } })
      else if (kind === 'ackFailed') await db.message.create({ data: { ...base, ...sent, status: 'FAILED', error: 'ack -1' } })
      else if (kind === 'notOnWhatsApp') await db.message.create({ data: { ...base, status: 'SKIPPED', skipReason: 'NOT_ON_WHATSAPP' } })
      else await db.message.create({ data: { ...base, ...sent, status: 'SENT' } })
    }
    const state = await readGovernorState(org.id)
    return {
      kind,
      failureRate: `${rate}%`,
      paused: state.paused ? (state.pause?.trip.reason ?? '?') : 'never',
      sendsAfterFailuresBegan: state.paused ? afterFailuresBegan : `>${CAP}`,
      failingSendsBeforePause: failuresSent,
      measuredAtPause: state.pause ? `${state.pause.trip.percent}% of ${state.pause.trip.sample} (limit ${state.pause.trip.limitPercent}%)` : '-',
    }
  }

  process.stdout.write(
    `rule: window ${rule.windowSends} sends / ${rule.windowHours} h, min sample ${rule.minSample}, ack −1 > ${rule.maxFailedPercent}%, not on WhatsApp > ${rule.maxNotOnWhatsAppPercent}%, undelivered after ${rule.deliveryTimeoutMinutes} min > ${rule.maxUndeliveredPercent}%; ${HEALTHY} healthy sends first, 10 sends/min\n`,
  )
  const rows = []
  for (const kind of KINDS) for (const rate of RATES) rows.push(await run(kind, rate))
  printTable(rows)
  const zeroPaused = rows.filter((r) => r.failureRate === '0%' && r.paused !== 'never')
  process.stdout.write(`0% runs that paused: ${zeroPaused.length} of ${KINDS.length}\n`)
  await db.$disconnect()
}

// A pause publishes on the event bus, whose Redis connection would keep the process alive after the table.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  },
)
