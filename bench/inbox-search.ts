/**
 * bench/inbox-search: inbox search (conversations.search → domain/conversations/inbox-search.ts) on
 * 1,000,000 messages. One organization holds 80 % of them (the worst case for it), four others the rest.
 * Texts are 4-12 words drawn from Russian, Kyrgyz and English chat vocabulary; clients have Russian and
 * Kyrgyz names. The trigram index is dropped for the load and rebuilt after it (its build time printed).
 * Then each query of a mixed set (rare and common words, partial words, Kyrgyz typed without ң/ө/ү,
 * English, names, phone digits, two-letter queries) runs ROUNDS times for the big organization, and the
 * latencies are printed: p50, p95, max overall and per kind.
 *
 *   node --import tsx bench/inbox-search.ts                       # 1,000,000 messages (~3-5 minutes)
 *   BENCH_MESSAGES=200000 node --import tsx bench/inbox-search.ts
 *   BENCH_REUSE=1 node --import tsx bench/inbox-search.ts          # query again the data a previous run seeded
 */
import './bench-env'
import { percentile, prepareBenchStores } from './bench-env'
import { benchNumber } from './bench-number'

const MESSAGES = benchNumber('BENCH_MESSAGES', 1_000_000)
const ROUNDS = benchNumber('BENCH_ROUNDS', 5)
const CONVERSATIONS = Math.max(10, Math.round(MESSAGES / 200))

const { db } = await import('../src/server/db')
const { searchInbox } = await import('../src/server/domain/conversations/inbox-search')

const words = [
  // Russian
  'здравствуйте',
  'добрый',
  'день',
  'сколько',
  'стоит',
  'доставка',
  'бишкек',
  'оплата',
  'карта',
  'наличные',
  'размер',
  'цвет',
  'есть',
  'наличии',
  'можно',
  'заказать',
  'спасибо',
  'когда',
  'будет',
  'адрес',
  'магазин',
  'скидка',
  'акция',
  'вчера',
  'сегодня',
  'завтра',
  'привезите',
  'пожалуйста',
  'платье',
  'куртка',
  'обувь',
  'ремонт',
  'запись',
  'мастер',
  'маникюр',
  'стрижка',
  'цена',
  'договорились',
  'хорошо',
  'жду',
  'ответа',
  'отправьте',
  'фото',
  'каталог',
  'гарантия',
  'возврат',
  'обмен',
  'курьер',
  'самовывоз',
  // Kyrgyz
  'саламатсызбы',
  'рахмат',
  'канча',
  'турат',
  'бааасы',
  'жеткирүү',
  'качан',
  'келет',
  'жаңы',
  'коллекция',
  'көйнөк',
  'өлчөм',
  'түсү',
  'бүгүн',
  'эртең',
  'кечээ',
  'жакшы',
  'макул',
  'дарек',
  'дүкөн',
  'төлөм',
  'акча',
  'сураныч',
  'күтөм',
  'жооп',
  'сүрөт',
  'бар',
  'жок',
  'үчүн',
  'менен',
  'буйрутма',
  'чоң',
  'кичине',
  'өтө',
  'кымбат',
  'арзан',
  'жазбаңыз',
  'ооба',
  // English
  'hello',
  'price',
  'delivery',
  'available',
  'tomorrow',
  'today',
  'order',
  'thanks',
  'size',
  'color',
  'payment',
  'card',
  'cash',
  'discount',
  'address',
  'shop',
  'please',
  'photo',
  'catalog',
  'return',
  'exchange',
  'courier',
  'pickup',
  'booking',
  'appointment',
]
const names = [
  'Айгуль',
  'Бакыт',
  'Нургуль',
  'Эрмек',
  'Жылдыз',
  'Азамат',
  'Чолпон',
  'Мирлан',
  'Айжан',
  'Тимур',
  'Өмүр',
  'Гүлнара',
  'Нурлан',
  'Света',
  'Ольга',
  'Дмитрий',
]
const surnames = ['Асанов', 'Токтогулова', 'Өмүрбеков', 'Ибраимова', 'Жумабаев', 'Сыдыкова', 'Кененбаев', 'Петрова', 'Иванов', 'Үсөнова']

/** What an operator types, by kind: each must find something (except the miss). */
const queries: Array<{ kind: string; query: string }> = [
  { kind: 'rare word', query: 'гарантия' },
  { kind: 'rare word', query: 'appointment' },
  { kind: 'rare word', query: 'жазбаңыз' },
  { kind: 'common word', query: 'доставка' },
  { kind: 'common word', query: 'сколько' },
  { kind: 'common word', query: 'price' },
  { kind: 'partial word', query: 'достав' },
  { kind: 'partial word', query: 'катал' },
  { kind: 'partial word', query: 'deliv' },
  { kind: 'three letters', query: 'ста' },
  { kind: 'three letters', query: 'акц' },
  { kind: 'three letters', query: 'кеч' },
  { kind: 'kyrgyz without marks', query: 'жаны коллекция' },
  { kind: 'kyrgyz without marks', query: 'койнок' },
  { kind: 'kyrgyz without marks', query: 'олчом' },
  { kind: 'two words', query: 'сколько стоит' },
  { kind: 'two words', query: 'delivery tomorrow' },
  { kind: 'name', query: 'Өмүрбеков' },
  { kind: 'name', query: 'омурбек' },
  { kind: 'name', query: 'Ай' },
  { kind: 'phone digits', query: '07919' },
  { kind: 'phone digits', query: '996700' },
  { kind: 'miss', query: 'квантовый' },
  { kind: 'miss', query: 'zzzqqq' },
]

function sqlArray(items: string[]): string {
  return `ARRAY[${items.map((w) => `'${w.replace(/'/g, "''")}'`).join(',')}]::text[]`
}

async function seed() {
  const started = Date.now()
  const orgs = ['bench_org_big', 'bench_org_2', 'bench_org_3', 'bench_org_4', 'bench_org_5']
  for (const id of orgs) await db.organization.create({ data: { id, name: id } })
  // 80 % of the conversations (and so of the messages) in the big organization.
  await db.$executeRawUnsafe(`
    INSERT INTO "clients" ("id", "organizationId", "phone", "whatsappId", "name", "status", "preferredLanguage", "createdAt", "updatedAt")
    SELECT 'bc' || g,
           CASE WHEN g % 5 = 0 THEN (${sqlArray(orgs.slice(1))})[1 + (g / 5) % 4] ELSE '${orgs[0]}' END,
           '+996' || lpad(((700000000 + g * 7919) % 1000000000)::text, 9, '0'),
           '996' || lpad(((700000000 + g * 7919) % 1000000000)::text, 9, '0') || '@c.us',
           (${sqlArray(names)})[1 + g % ${names.length}] || ' ' || (${sqlArray(surnames)})[1 + (g / ${names.length}) % ${surnames.length}],
           'NEW_LEAD', 'ru', now(), now()
    FROM generate_series(1, ${CONVERSATIONS}) AS g`)
  await db.$executeRawUnsafe(`
    INSERT INTO "conversations" ("id", "organizationId", "clientId", "channel", "lastMessageAt", "createdAt", "updatedAt")
    SELECT 'bv' || substr(c."id", 3), c."organizationId", c."id", 'WHATSAPP', now(), now(), now() FROM "clients" c WHERE c."id" LIKE 'bc%'`)
  const index = await db.$queryRawUnsafe<Array<{ indexdef: string }>>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'messages_search_trgm'`)
  if (!index[0]) throw new Error('messages_search_trgm is missing: are the migrations applied?')
  await db.$executeRawUnsafe(`DROP INDEX "messages_search_trgm"`)
  const batch = 100_000
  for (let from = 1; from <= MESSAGES; from += batch) {
    const to = Math.min(MESSAGES, from + batch - 1)
    await db.$executeRawUnsafe(`
      INSERT INTO "messages" ("id", "organizationId", "conversationId", "content", "direction", "sender", "status", "createdAt", "updatedAt")
      SELECT 'bm' || g, v."organizationId", v."id",
             (SELECT string_agg((${sqlArray(words)})[1 + floor(random() * ${words.length})::int], ' ')
                FROM generate_series(1, 4 + (g % 9)) AS w),
             CASE WHEN g % 2 = 0 THEN 'INCOMING'::"MessageDirection" ELSE 'OUTGOING'::"MessageDirection" END,
             CASE WHEN g % 2 = 0 THEN 'CLIENT'::"MessageSender" ELSE 'HUMAN'::"MessageSender" END,
             'DELIVERED'::"MessageStatus",
             now() - make_interval(secs => (${MESSAGES} - g) * 30), now()
      FROM generate_series(${from}, ${to}) AS g
      JOIN "conversations" v ON v."id" = 'bv' || (1 + g % ${CONVERSATIONS})`)
  }
  const loaded = Date.now()
  await db.$executeRawUnsafe(index[0].indexdef)
  const indexed = Date.now()
  await db.$executeRawUnsafe(`ANALYZE "messages"`)
  await db.$executeRawUnsafe(`ANALYZE "clients"`)
  const counts = await db.$queryRawUnsafe<Array<{ organizationId: string; n: bigint }>>(
    `SELECT "organizationId", count(*) AS n FROM "messages" GROUP BY 1 ORDER BY 2 DESC`,
  )
  process.stdout.write(
    `seeded ${MESSAGES.toLocaleString('en')} messages in ${CONVERSATIONS.toLocaleString('en')} conversations: load ${((loaded - started) / 1000).toFixed(1)} s, ` +
      `trigram index build ${((indexed - loaded) / 1000).toFixed(1)} s\n` +
      `per organization: ${counts.map((c) => `${c.organizationId} ${Number(c.n).toLocaleString('en')}`).join(', ')}\n`,
  )
  return orgs[0]!
}

async function main() {
  const seeded = process.env.BENCH_REUSE ? await db.message.count({ where: { id: { startsWith: 'bm' } } }).catch(() => 0) : 0
  let org = 'bench_org_big'
  if (seeded === MESSAGES) {
    process.stdout.write(`reusing ${seeded.toLocaleString('en')} seeded messages\n`)
  } else {
    await prepareBenchStores()
    org = await seed()
  }
  // One warm-up pass (the first touch of each index page reads it from disk).
  for (const { query } of queries) await searchInbox(org, query, { limit: 20 })
  const byKind = new Map<string, number[]>()
  const all: number[] = []
  const found = new Map<string, number>()
  for (let round = 0; round < ROUNDS; round++) {
    for (const { kind, query } of queries) {
      const started = performance.now()
      const result = await searchInbox(org, query, { limit: 20 })
      const ms = performance.now() - started
      all.push(ms)
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms])
      found.set(query, result.messages.length + result.conversations.length)
    }
  }
  const line = (label: string, values: number[]) => {
    const sorted = values.toSorted((a, b) => a - b)
    return `${label.padEnd(22)} n=${String(sorted.length).padStart(3)}  p50=${percentile(sorted, 50).toFixed(1)} ms  p95=${percentile(sorted, 95).toFixed(1)} ms  max=${sorted.at(-1)!.toFixed(1)} ms`
  }
  process.stdout.write(`\nsearch latency on the big organization, ${ROUNDS} rounds of ${queries.length} queries (limit 20 of each kind):\n`)
  for (const [kind, values] of byKind) process.stdout.write(`${line(kind, values)}\n`)
  process.stdout.write(`${line('ALL', all)}\n`)
  const misses = queries.filter((q) => q.kind !== 'miss' && !found.get(q.query))
  process.stdout.write(`queries that found nothing (should be only the misses): ${misses.length ? misses.map((q) => q.query).join(', ') : 'none'}\n`)
  await db.$disconnect()
}

await main()
