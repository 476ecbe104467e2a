/**
 * bench/dashboard: the org admin's dashboard queries (issue 16 point 3, src/server/domain/dashboard) on
 * 1,000,000 messages over five organizations; the big one holds 60 % of them. Messages are spread evenly
 * over the last 90 days (so a 30-day chart reads a third of an organization's messages), conversations
 * alternate customer messages and replies (human, some by the agent), outgoing statuses are mixed
 * (read, delivered, sent, failed, skipped). Each organization's connection changes state 400 times over
 * 30 days. The trigram search index is dropped for the load (this bench does not search) and the
 * dashboard's covering index is rebuilt after it (its build time printed); VACUUM ANALYZE then sets the
 * visibility map, as autovacuum does in production, so the index-only scan skips the rows.
 *
 * Then each dashboard procedure's work runs ROUNDS times for the big organization and for a small one,
 * and p50, p95 and max are printed, with the plan of the messages-per-day query; last, the same two
 * message queries without the covering index (only messages_organizationId_createdAt_idx), for comparison.
 *
 *   node --import tsx bench/dashboard.ts                     # 1,000,000 messages (a few minutes)
 *   BENCH_MESSAGES=200000 BENCH_ROUNDS=10 node --import tsx bench/dashboard.ts
 *   BENCH_REUSE=1 node --import tsx bench/dashboard.ts        # query again the data a previous run seeded
 */
import './bench-env'
import { percentile, prepareBenchStores } from './bench-env'
import { benchNumber } from './bench-number'

const MESSAGES = benchNumber('BENCH_MESSAGES', 1_000_000)
const ROUNDS = benchNumber('BENCH_ROUNDS', 20)
const CONVERSATIONS = Math.max(10, Math.round(MESSAGES / 100))
const DAYS = 90
const ORGS = ['bench_dash_big', 'bench_dash_2', 'bench_dash_3', 'bench_dash_4', 'bench_dash_5']
const COVER_INDEX = 'messages_dashboard_cover'

const { db } = await import('../src/server/db')
const { readConnectionUptime, readDashboardActivity, readDeliveryOutcomes, readQuotaGauges } = await import('../src/server/domain/dashboard/dashboard-service')

async function seed() {
  const started = Date.now()
  for (const id of ORGS) await db.organization.create({ data: { id, name: id } })
  const others = `ARRAY[${ORGS.slice(1)
    .map((o) => `'${o}'`)
    .join(',')}]::text[]`
  // 60 % of the conversations (and so of the messages) in the big organization, the rest spread over four.
  await db.$executeRawUnsafe(`
    INSERT INTO "clients" ("id", "organizationId", "phone", "whatsappId", "name", "status", "preferredLanguage", "createdAt", "updatedAt")
    SELECT 'dc' || g,
           CASE WHEN g % 5 < 3 THEN '${ORGS[0]}' ELSE (${others})[1 + (g / 5) % 4] END,
           '+996' || lpad(((700000000 + g * 7919) % 1000000000)::text, 9, '0'),
           '996' || lpad(((700000000 + g * 7919) % 1000000000)::text, 9, '0') || '@c.us',
           'Client ' || g, 'NEW_LEAD', 'ru', now(), now()
    FROM generate_series(1, ${CONVERSATIONS}) AS g`)
  await db.$executeRawUnsafe(`
    INSERT INTO "conversations" ("id", "organizationId", "clientId", "channel", "lastMessageAt", "createdAt", "updatedAt")
    SELECT 'dv' || substr(c."id", 3), c."organizationId", c."id", 'WHATSAPP', now(), now(), now() FROM "clients" c WHERE c."id" LIKE 'dc%'`)
  const cover = await db.$queryRawUnsafe<Array<{ indexdef: string }>>(`SELECT indexdef FROM pg_indexes WHERE indexname = '${COVER_INDEX}'`)
  if (!cover[0]) throw new Error(`${COVER_INDEX} is missing: are the migrations applied?`)
  await db.$executeRawUnsafe(`DROP INDEX IF EXISTS "messages_search_trgm"`)
  await db.$executeRawUnsafe(`DROP INDEX "${COVER_INDEX}"`)
  const batch = 100_000
  const spacingMs = (DAYS * 86_400_000) / MESSAGES
  for (let from = 1; from <= MESSAGES; from += batch) {
    const to = Math.min(MESSAGES, from + batch - 1)
    // Message g goes to conversation 1 + g % C; its turn k = g / C in that conversation decides in or out.
    await db.$executeRawUnsafe(`
      INSERT INTO "messages" ("id", "organizationId", "conversationId", "content", "direction", "sender", "status", "createdAt", "updatedAt")
      SELECT 'dm' || g, v."organizationId", v."id", 'x',
             CASE WHEN (g / ${CONVERSATIONS}) % 3 = 2 THEN 'OUTGOING'::"MessageDirection" ELSE 'INCOMING'::"MessageDirection" END,
             CASE WHEN (g / ${CONVERSATIONS}) % 3 <> 2 THEN 'CLIENT'::"MessageSender"
                  WHEN g % 10 = 0 THEN 'AI'::"MessageSender" ELSE 'HUMAN'::"MessageSender" END,
             CASE WHEN (g / ${CONVERSATIONS}) % 3 <> 2 THEN 'DELIVERED'::"MessageStatus"
                  ELSE (ARRAY['READ','READ','READ','READ','READ','READ','DELIVERED','DELIVERED','SENT','FAILED'])[1 + g % 10]::"MessageStatus" END,
             now() - make_interval(secs => (${MESSAGES} - g) * ${spacingMs / 1000}), now()
      FROM generate_series(${from}, ${to}) AS g
      JOIN "conversations" v ON v."id" = 'dv' || (1 + g % ${CONVERSATIONS})`)
  }
  await db.$executeRawUnsafe(
    `UPDATE "messages" SET "status" = 'SKIPPED' WHERE "id" LIKE 'dm%' AND "direction" = 'OUTGOING' AND "sender" = 'AI' AND length("id") % 7 = 0`,
  )
  const loaded = Date.now()
  await db.$executeRawUnsafe(cover[0].indexdef)
  const indexed = Date.now()
  // 400 state changes per organization over 30 days: connected, sometimes disconnected or in error.
  await db.$executeRawUnsafe(`
    INSERT INTO "whatsapp_status_events" ("id", "organizationId", "status", "createdAt")
    SELECT 'ds' || o || '_' || g, o,
           (ARRAY['CONNECTED','DISCONNECTED','CONNECTED','ERROR','CONNECTED','CONNECTING'])[1 + g % 6]::"WhatsAppSessionStatus",
           now() - make_interval(secs => (400 - g) * 6480)
    FROM unnest(ARRAY[${ORGS.map((o) => `'${o}'`).join(',')}]::text[]) AS o, generate_series(1, 400) AS g`)
  await db.$executeRawUnsafe(`VACUUM ANALYZE "messages"`)
  await db.$executeRawUnsafe(`ANALYZE "whatsapp_status_events"`)
  const vacuumed = Date.now()
  const counts = await db.$queryRawUnsafe<Array<{ organizationId: string; n: bigint }>>(
    `SELECT "organizationId", count(*) AS n FROM "messages" GROUP BY 1 ORDER BY 2 DESC`,
  )
  process.stdout.write(
    `seeded ${MESSAGES.toLocaleString('en')} messages in ${CONVERSATIONS.toLocaleString('en')} conversations over ${DAYS} days: ` +
      `load ${((loaded - started) / 1000).toFixed(1)} s, ${COVER_INDEX} build ${((indexed - loaded) / 1000).toFixed(1)} s, ` +
      `vacuum analyze ${((vacuumed - indexed) / 1000).toFixed(1)} s\n` +
      `per organization: ${counts.map((c) => `${c.organizationId} ${Number(c.n).toLocaleString('en')}`).join(', ')}\n`,
  )
}

async function time(label: string, run: () => Promise<unknown>): Promise<string> {
  await run() // warm-up: the first touch reads the index pages from disk
  const values: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now()
    await run()
    values.push(performance.now() - started)
  }
  const sorted = values.toSorted((a, b) => a - b)
  return `${label.padEnd(44)} n=${String(sorted.length).padStart(3)}  p50=${percentile(sorted, 50).toFixed(1)} ms  p95=${percentile(sorted, 95).toFixed(1)} ms  max=${sorted.at(-1)!.toFixed(1)} ms`
}

async function messageQueries(org: string) {
  return [
    await time(`${org} activity (30 days: in/out + first response)`, () => readDashboardActivity(org, 30)),
    await time(`${org} delivery (7 days)`, () => readDeliveryOutcomes(org, 7)),
  ]
}

async function main() {
  const seeded = process.env.BENCH_REUSE ? await db.message.count({ where: { id: { startsWith: 'dm' } } }).catch(() => 0) : 0
  if (seeded === MESSAGES) process.stdout.write(`reusing ${seeded.toLocaleString('en')} seeded messages\n`)
  else {
    await prepareBenchStores()
    await seed()
  }
  const big = ORGS[0]!
  const small = ORGS[1]!
  const inRange = await db.$queryRawUnsafe<Array<{ n: bigint }>>(
    `SELECT count(*) AS n FROM "messages" WHERE "organizationId" = '${big}' AND "createdAt" >= now() - interval '37 days'`,
  )
  process.stdout.write(`the big organization's messages in the 30-day range plus the 7-day look-back: ${Number(inRange[0]!.n).toLocaleString('en')}\n`)

  process.stdout.write(`\ndashboard latency, ${ROUNDS} rounds each (with ${COVER_INDEX}):\n`)
  const lines = [
    ...(await messageQueries(big)),
    await time(`${big} uptime (7 days, hourly)`, () => readConnectionUptime(big, 7)),
    await time(`${big} quota gauges (Redis)`, () => readQuotaGauges(big)),
    ...(await messageQueries(small)),
  ]
  for (const line of lines) process.stdout.write(`${line}\n`)

  const plan = await db.$queryRawUnsafe<Array<{ 'QUERY PLAN': string }>>(`
    EXPLAIN (ANALYZE, BUFFERS) SELECT to_char(("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Bishkek', 'YYYY-MM-DD') AS day,
           count(*) FILTER (WHERE direction = 'INCOMING') AS incoming, count(*) FILTER (WHERE direction = 'OUTGOING' AND status <> 'SKIPPED') AS outgoing
    FROM messages WHERE "organizationId" = '${big}' AND "createdAt" >= now() - interval '30 days' AND "createdAt" < now() GROUP BY 1`)
  process.stdout.write(`\nplan of messages per day (big organization):\n${plan.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}\n`)

  const cover = await db.$queryRawUnsafe<Array<{ indexdef: string }>>(`SELECT indexdef FROM pg_indexes WHERE indexname = '${COVER_INDEX}'`)
  await db.$executeRawUnsafe(`DROP INDEX "${COVER_INDEX}"`)
  try {
    process.stdout.write(`\nfor comparison, without ${COVER_INDEX} (messages_organizationId_createdAt_idx and the rows):\n`)
    for (const line of await messageQueries(big)) process.stdout.write(`${line}\n`)
  } finally {
    await db.$executeRawUnsafe(cover[0]!.indexdef)
  }
  await db.$disconnect()
  process.exit(0)
}

await main()
