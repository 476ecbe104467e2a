/**
 * A seeded fuzz of the tRPC route over HTTP: every procedure of the app router (procedure-list.ts,
 * checked against appRouter by a unit test), as an admin and as an operator, gets random and malformed
 * bodies: bad JSON, bad superjson, wrong types, huge strings, deep nesting, missing input, extra keys,
 * NaN and Infinity, prototype-pollution keys, random trees of real field names, batches and wrong
 * methods. None may answer 5xx, and the server must still be healthy at the end.
 *
 * The seed is printed; FUZZ_SEED=<n> replays a run, FUZZ_REQUESTS=<n> changes its size (default ~300).
 * It runs as the second organization's users, so the demo organization the other flows use is untouched;
 * what a random body happens to switch on there (a connect, an import) is switched off at the end.
 */
import { expect, test, type APIRequestContext } from '@playwright/test'
import { procedureList, type ProcedureType } from '../src/server/testing/procedure-list'
import { seededRandom } from '../src/server/testing/seeded-random'
import { apiSignIn, baseUrl, callAs, jsonHeaders, requestCookieHeader, resultOf } from './security-http'

test.describe.configure({ timeout: 300_000 })

const otherOperator = { email: 'operator@other.soul.kg', password: 'other-operator-2026' }
const otherAdmin = { email: 'admin@other.soul.kg', password: 'other-admin-2026' }

/** mulberry32: a small seeded generator, enough to replay a run. */
function generator(seed: number) {
  const next = seededRandom(seed)
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
  return { next, int, pick }
}
type Rng = ReturnType<typeof generator>

const FIELDS = [
  'organizationId',
  'conversationId',
  'clientId',
  'messageId',
  'content',
  'to',
  'messages',
  'jobId',
  'batchId',
  'cursor',
  'limit',
  'page',
  'pageSize',
  'lastEventId',
  'locale',
  'phone',
  'from',
  'body',
  'count',
  'up',
  'qr',
  'target',
  'fileName',
  'contentBase64',
  'newClient',
  'businessAuthor',
  'rateLimiting',
  'safety',
  'logout',
  'confirmed',
  'priority',
  'search',
  'status',
  'kind',
  'name',
  'hidden',
  'dryRun',
] as const

function randomString(rng: Rng, max = 40): string {
  const alphabet = ['a', 'Я', '0', ' ', '\n', '\u0000', '\ud800', '"', '\\', '<', '%', '😀', '\u202e', '-', '@', '+996']
  return Array.from({ length: rng.int(max) }, () => rng.pick(alphabet)).join('')
}

function randomValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(depth > 2 ? 6 : 9)) {
    case 0:
      return rng.pick([0, -1, 1, 3.5, 1e308, -1e308, 2 ** 53 + 1, 7])
    case 1:
      return randomString(rng)
    case 2:
      return rng.pick([true, false, null])
    case 3:
      return (
        'cm' +
        Math.floor(rng.next() * 1e12)
          .toString(36)
          .padEnd(23, 'x')
      )
    case 4:
      return rng.pick(['', '0-0', '9999999999999-0', 'en', 'ru', 'integration', 'import', '+996700123456'])
    case 5:
      return rng.pick([{}, []])
    case 6:
    case 7:
      return randomObject(rng, depth + 1)
    default:
      return Array.from({ length: rng.int(4) }, () => randomValue(rng, depth + 1))
  }
}

function randomObject(rng: Rng, depth = 0): Record<string, unknown> {
  const object: Record<string, unknown> = {}
  for (let i = rng.int(5); i >= 0; i--) object[rng.next() < 0.85 ? rng.pick(FIELDS) : randomString(rng, 12)] = randomValue(rng, depth)
  return object
}

function nested(depth: number, leaf: unknown, asArray: boolean): string {
  const open = asArray ? '['.repeat(depth) : '{"a":'.repeat(depth)
  const close = asArray ? ']'.repeat(depth) : '}'.repeat(depth)
  return `${open}${JSON.stringify(leaf)}${close}`
}

/** One malformed body per category; `undefined` means no input at all. */
const categories: Record<string, (rng: Rng, kind: ProcedureType) => string | undefined> = {
  missingInput: () => undefined,
  badJson: (rng) => rng.pick(['{"json":', '{json:1}', 'not json', '\u0000', '{"json":{"a":1}}}', '[', '"', '{"json":1,}']),
  wrongTypeRoot: (rng) => JSON.stringify({ json: rng.pick([42, 'text', true, [1, 2, 3], null, -0, 1e308]) }),
  noEnvelope: () => JSON.stringify({ organizationId: 123, conversationId: ['x'] }),
  wrongTypes: (rng) =>
    JSON.stringify({ json: Object.fromEntries(FIELDS.filter(() => rng.next() < 0.3).map((f) => [f, rng.pick([123, true, [], {}, null, -1.5])])) }),
  hugeString: (rng, kind) => {
    // Within any sane body cap: 200 KB in a POST body; in a GET query ~7 KB once encoded (Node refuses headers over 16 KB).
    const size = kind === 'mutation' ? 200_000 : 2_000
    return JSON.stringify({ json: { [rng.pick(FIELDS)]: 'я'.repeat(size / 2), content: 'x'.repeat(size / 4) } })
  },
  deepNesting: (rng, kind) => {
    const depth = kind === 'mutation' ? rng.pick([1_000, 10_000, 50_000]) : 900
    return `{"json":${nested(depth, 1, rng.next() < 0.5)}}`
  },
  deepSuperjsonMeta: (rng, kind) => {
    const depth = kind === 'mutation' ? 5_000 : 400
    const path = Array.from({ length: depth }, () => 'a').join('.')
    const meta = JSON.stringify({ values: { [path]: [rng.pick(['Date', 'bigint', 'set', 'map', 'number'])] } })
    return `{"json":${nested(depth, 1, false)},"meta":${meta}}`
  },
  badSuperjson: (rng) =>
    rng.pick([
      JSON.stringify({ json: { a: 'x' }, meta: { values: { a: ['Date'] } } }),
      JSON.stringify({ json: { a: 'x' }, meta: { values: { a: ['bigint'] } } }),
      JSON.stringify({ json: { a: 1 }, meta: { values: { a: ['custom', 'Nope'] } } }),
      JSON.stringify({ json: { a: [1] }, meta: { values: { a: ['map'] } } }),
      JSON.stringify({ json: { a: 1 }, meta: { values: { 'b.c.d': ['undefined'] } } }),
      JSON.stringify({ json: {}, meta: { values: 'nonsense' } }),
      JSON.stringify({ json: {}, meta: { referentialEqualities: { a: ['b'] } } }),
      JSON.stringify({ json: { a: {} }, meta: { referentialEqualities: { a: ['a.x.y'] } } }),
      JSON.stringify({ json: { a: 1 }, meta: { values: { a: [['class', 'Foo']] } } }),
      JSON.stringify({ json: 1, meta: 5 }),
      JSON.stringify({ json: { a: 'x' }, meta: { values: { a: ['regexp'] } } }),
      JSON.stringify({ json: { a: '(a+)+$' }, meta: { values: { a: ['regexp'] } } }),
    ]),
  nanInfinity: (rng) => {
    const field = rng.pick(['limit', 'page', 'pageSize', 'count', 'priority', 'organizationId', 'content', 'conversationId'])
    const value = rng.pick(['NaN', 'Infinity', '-Infinity', '-0'])
    return JSON.stringify({ json: { [field]: value }, meta: { values: { [field]: ['number'] } } })
  },
  prototypePollution: (rng) =>
    rng.pick([
      '{"json":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}',
      '{"json":{"a":1},"meta":{"values":{"__proto__.polluted":["undefined"]}}}',
      '{"json":{"a":1},"meta":{"values":{"constructor.prototype.polluted":["undefined"]}}}',
      '{"json":{"a":{}},"meta":{"referentialEqualities":{"a":["__proto__"]}}}',
      '{"__proto__":{"json":1}}',
      '{"json":{"settings":{"__proto__":{"isAdmin":true}},"safety":{"__proto__":{"enableMassSending":true}}}}',
    ]),
  extraKeys: (rng) => JSON.stringify({ json: { ...randomObject(rng), zz_extra: randomValue(rng), organizationId: rng.pick([1, [], {}, 'x'.repeat(80)]) } }),
  randomTree: (rng) => JSON.stringify({ json: randomObject(rng) }),
}
const categoryNames = Object.keys(categories)
/** Bodies no procedure that reads its input can accept (user.me reads none). Other categories may happen to be valid. */
const alwaysInvalid = new Set(['badJson'])
const readsNoInput = new Set(['user.me'])

interface Finding {
  request: string
  status: number
  body: string
}

function seedOf(): number {
  const fromEnv = Number(process.env.FUZZ_SEED)
  return Number.isFinite(fromEnv) && process.env.FUZZ_SEED ? fromEnv : Math.floor(Math.random() * 2 ** 31)
}

/** A subscription's answer: the HTTP status, or the status of the error event it sent. */
async function subscriptionStatus(cookie: string, path: string, raw: string | undefined): Promise<{ status: number; body: string }> {
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), 1_500)
  let text = ''
  let status = 0
  try {
    const response = await fetch(`${baseUrl()}/api/trpc/${path}${raw === undefined ? '' : `?input=${encodeURIComponent(raw)}`}`, {
      headers: { cookie, accept: 'text/event-stream' },
      signal: abort.signal,
    })
    status = response.status
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    while (!/event: (serialized-error|return)|^data: /m.test(text)) {
      const { done, value } = await reader.read()
      if (done) break
      text += decoder.decode(value, { stream: true })
    }
    await reader.cancel().catch(() => undefined)
  } catch {
    // aborted: a stream that stayed open without an error (a valid subscription) is not a failure
  } finally {
    clearTimeout(timer)
    abort.abort()
  }
  const error = /event: serialized-error\ndata: (.*)/.exec(text)
  if (error) {
    const shape = JSON.parse(error[1]!) as { json: { data: { httpStatus: number } } }
    return { status: shape.json.data.httpStatus, body: error[1]!.slice(0, 300) }
  }
  return { status, body: text.slice(0, 300) }
}

async function send(request: APIRequestContext, cookie: string, path: string, kind: ProcedureType, raw: string | undefined) {
  if (kind === 'subscription') return subscriptionStatus(cookie, path, raw)
  const response =
    kind === 'query'
      ? await request.get(`/api/trpc/${path}${raw === undefined ? '' : `?input=${encodeURIComponent(raw)}`}`, { headers: { origin: baseUrl() } })
      : // A Buffer goes out byte for byte (a string that is not JSON would be JSON-encoded by Playwright).
        await request.post(`/api/trpc/${path}`, { data: Buffer.from(raw ?? ''), headers: jsonHeaders() })
  return { status: response.status(), body: (await response.text()).slice(0, 300) }
}

test('random and malformed bodies to every procedure answer 4xx, never 5xx, and the server stays up', async ({ playwright }) => {
  const seed = seedOf()
  const budget = Number(process.env.FUZZ_REQUESTS ?? 300)
  console.log(`fuzz seed ${seed} (replay with FUZZ_SEED=${seed}), ${budget} requests`)
  test.info().annotations.push({ type: 'fuzz seed', description: String(seed) })
  const rng = generator(seed)

  const admin = await apiSignIn(playwright, otherAdmin)
  const operator = await apiSignIn(playwright, otherOperator)
  const roles = [
    { name: 'admin', request: admin, cookie: await requestCookieHeader(admin) },
    { name: 'operator', request: operator, cookie: await requestCookieHeader(operator) },
  ]
  const findings: Finding[] = []
  const statuses = new Map<number, number>()
  const accepted: string[] = []
  const record = (description: string, answer: { status: number; body: string }, mustFail = false) => {
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
    if (answer.status >= 500 || answer.status === 0) findings.push({ request: description, ...answer })
    else if (mustFail && answer.status < 400) accepted.push(`${description} → ${answer.status}`)
  }

  try {
    // Every procedure × role gets its share; the categories rotate so each one reaches every procedure over runs.
    const combos = procedureList.flatMap(([path, kind]) => roles.map((role) => ({ path, kind, role })))
    const perCombo = Math.max(1, Math.floor((budget - 20) / combos.length))
    let sent = 0
    for (const combo of combos) {
      for (let i = 0; i < perCombo; i++) {
        const category = rng.next() < 0.7 ? categoryNames[(sent + rng.int(categoryNames.length)) % categoryNames.length]! : 'randomTree'
        const raw = categories[category]!(rng, combo.kind)
        const answer = await send(combo.role.request, combo.role.cookie, combo.path, combo.kind, raw)
        record(`${combo.role.name} ${combo.kind} ${combo.path} [${category}]`, answer, alwaysInvalid.has(category) && !readsNoInput.has(combo.path))
        sent++
      }
    }

    // The route itself: batches, wrong methods, unknown paths, odd content types.
    for (const role of roles) {
      const post = (url: string, data: string, headers: Record<string, string> = jsonHeaders()) => role.request.post(url, { data: Buffer.from(data), headers })
      const probes: Array<[string, () => ReturnType<APIRequestContext['get']>]> = [
        ['batch of bad inputs', () => post('/api/trpc/whatsapp.send,import.cancel?batch=1', JSON.stringify({ 0: { json: 1 }, 1: 'x' }))],
        ['batch body not an object', () => post('/api/trpc/whatsapp.send,whatsapp.retry?batch=1', '[1,2,3]')],
        [
          'batch with missing entries',
          () => role.request.get(`/api/trpc/clients.list,clients.byId?batch=1&input=${encodeURIComponent('{"1":{"json":{"clientId":5}}}')}`),
        ],
        ['batch mixing a subscription', () => role.request.get('/api/trpc/clients.list,whatsapp.onStatus?batch=1&input=%7B%7D')],
        ['GET on a mutation', () => role.request.get('/api/trpc/whatsapp.send?input=%7B%7D')],
        ['POST on a query', () => post('/api/trpc/clients.list', '{"json":{}}')],
        ['unknown procedure', () => post('/api/trpc/nope.__proto__', '{"json":{}}')],
        ['prototype path', () => role.request.get('/api/trpc/constructor.prototype?input=%7B%7D')],
        ['form-encoded body', () => post('/api/trpc/user.setLocale', 'locale=en', { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl() })],
        ['text body', () => post('/api/trpc/user.setLocale', '{"json":{"locale":"xx"}}', { 'content-type': 'text/plain', origin: baseUrl() })],
        ['input not URI-encoded', () => role.request.get('/api/trpc/clients.list?input=%E0%A4%A')],
      ]
      for (const [name, probe] of probes) {
        const response = await probe()
        record(`${role.name} route: ${name}`, { status: response.status(), body: (await response.text()).slice(0, 300) })
      }
    }

    const total = [...statuses.values()].reduce((a, b) => a + b, 0)
    console.log(`fuzz: ${total} requests; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`)
    for (const finding of findings) console.log(`5xx: ${finding.request} → ${finding.status} ${finding.body}`)
    expect(findings, `seed ${seed}`).toEqual([])
    expect(accepted, `seed ${seed}: broken JSON accepted`).toEqual([])

    // Still up, and still answering a plain call.
    const health = await admin.get('/api/health')
    expect(health.status()).toBe(200)
    expect(((await health.json()) as { status: string }).status).toBe('ok')
    expect(resultOf<{ email: string }>(await callAs(admin, 'query', 'user.me')).email).toBe(otherAdmin.email)
  } finally {
    // Undo what a random body may have switched on in the second organization.
    await callAs(admin, 'mutation', 'whatsapp.disconnect', { logout: true })
    await callAs(admin, 'mutation', 'devPhone.unban', {})
    await callAs(admin, 'mutation', 'devPhone.setNetwork', { up: true })
    await callAs(admin, 'mutation', 'devPhone.stallLogins', { count: 0 })
    await callAs(admin, 'mutation', 'user.setLocale', { locale: 'ru' })
    await callAs(operator, 'mutation', 'user.setLocale', { locale: 'ru' })
    const job = (await callAs(admin, 'query', 'import.status', {})).body as { result?: { data?: { json?: { id: string; status: string } | null } } }
    const latest = job.result?.data?.json
    if (latest && ['PENDING', 'WAITING_FOR_SCAN', 'RUNNING'].includes(latest.status)) await callAs(admin, 'mutation', 'import.cancel', { jobId: latest.id })
    await admin.dispose()
    await operator.dispose()
  }
})
