/**
 * Observability over HTTP against the production server (issue 16 points 1 and 2):
 *  - GET /metrics needs METRICS_TOKEN (missing or wrong: 401) and, after a customer message, an
 *    operator's reply and its acks, holds the named series with those counts; no label carries a phone
 *    number or message text;
 *  - the bull-board queue dashboard opens for a SUPER_ADMIN (both queues listed, read-only) and is refused
 *    to an ADMIN and an OPERATOR (403) and to a signed-out visitor (401).
 */
import { expect, test, type APIRequestContext } from '@playwright/test'
import { e2eServerEnv } from '../playwright.config'
import { createTestUser } from './security-helpers'
import { ensureConnected, signedIn, signIn, trpc, users } from './whatsapp-helpers'

const token = e2eServerEnv.METRICS_TOKEN

async function scrape(request: APIRequestContext): Promise<string> {
  const res = await request.get('/metrics', { headers: { authorization: `Bearer ${token}` } })
  expect(res.status()).toBe(200)
  expect(res.headers()['content-type']).toContain('text/plain')
  return res.text()
}

/** The value of one series (name and exact label set, e.g. `{organization="org_demo"}`), 0 when absent. */
function valueOf(body: string, series: string): number {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `))
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0
}

/** Every label value in the exposition. */
function labelValues(body: string): string[] {
  return [...body.matchAll(/="((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!)
}

test('/metrics refuses a missing or wrong token', async ({ request }) => {
  expect((await request.get('/metrics')).status()).toBe(401)
  expect((await request.get('/metrics', { headers: { authorization: 'Bearer not-the-token-0123456789' } })).status()).toBe(401)
  expect((await request.get('/metrics', { headers: { authorization: token } })).status()).toBe(401)
})

test('after a customer message, a reply and its acks, /metrics counts them, with no phone or text in any label', async ({ browser, request }) => {
  const admin = await signedIn(browser, users.admin)
  const operator = await signedIn(browser, users.operator)
  try {
    await ensureConnected(admin.page)
    const before = await scrape(request)
    const digits = String(Date.now()).slice(-6)
    const phone = `+996 703 ${digits.slice(0, 3)} ${digits.slice(3)}`
    const text = `Метрика: есть ли размер 42? ${digits}`
    await trpc(admin.page, 'mutation', 'devPhone.sendAsCustomer', { from: phone, body: text })
    const incoming = 'soul_incoming_messages_total{organization="org_demo"}'
    await expect.poll(async () => valueOf(await scrape(request), incoming), { timeout: 30_000 }).toBeGreaterThan(valueOf(before, incoming))

    const reply = `Метрика: да, есть ${digits}`
    await trpc(operator.page, 'mutation', 'whatsapp.send', { to: phone.replace(/\s/g, ''), content: reply })
    const outgoing = 'soul_outgoing_messages_total{organization="org_demo",kind="operator"}'
    const delivered = 'soul_send_outcomes_total{ack="DEVICE"}'
    await expect
      .poll(
        async () => {
          const body = await scrape(request)
          return valueOf(body, outgoing) > valueOf(before, outgoing) && valueOf(body, delivered) > valueOf(before, delivered)
        },
        { timeout: 60_000 },
      )
      .toBe(true)

    const body = await scrape(request)
    for (const name of [
      'soul_sessions{status="CONNECTED"}',
      'soul_queue_jobs{queue="whatsapp-send",state="waiting"}',
      'soul_queue_jobs{queue="whatsapp-incoming-process",state="delayed"}',
      'soul_backlog_items{kind="inbox"}',
      'soul_quota_used_ratio{organization="org_demo",window="minute"}',
      'soul_scrape_source_up{source="database"}',
    ]) {
      expect(body, name).toMatch(new RegExp(`^${name.replace(/[{}"=,]/g, (c) => `\\${c}`).replace(/\\}$/, '')}[,}]`, 'm'))
    }
    expect(valueOf(body, 'soul_sessions{status="CONNECTED"}')).toBeGreaterThanOrEqual(1)
    expect(valueOf(body, 'soul_scrape_source_up{source="database"}')).toBe(1)
    for (const name of [
      'soul_job_duration_seconds_count{queue="whatsapp-send",outcome="completed"}',
      'soul_job_duration_seconds_count{queue="whatsapp-incoming-process",outcome="completed"}',
      'soul_pacing_wait_seconds_count',
      'soul_http_request_duration_seconds_count{route="trpc",method="POST",status="2xx"}',
      'soul_trpc_duration_seconds_count{procedure="whatsapp.send",type="mutation",code="OK"}',
    ]) {
      expect(valueOf(body, name), name).toBeGreaterThan(0)
    }
    expect(body).toMatch(/^nodejs_eventloop_lag_seconds/m)
    expect(body).toMatch(/^process_resident_memory_bytes/m)
    expect(body).toMatch(/^nodejs_heap_size_used_bytes/m)

    // No label carries personal data: no phone digits, no message text.
    const values = labelValues(body)
    expect(values.filter((v) => /\d{9,}/.test(v) || v.includes(digits))).toEqual([])
    expect(values.filter((v) => /[А-Яа-яЁё]/.test(v))).toEqual([])
    expect(body).not.toContain(digits)
  } finally {
    await Promise.all([admin.context.close(), operator.context.close()])
  }
})

test('the queue dashboard opens for a SUPER_ADMIN, read-only, and is refused to an ADMIN, an OPERATOR and a signed-out visitor', async ({
  browser,
  request,
}) => {
  expect((await request.get('/admin/queues')).status()).toBe(401)
  expect((await request.get('/admin/queues/api/queues')).status()).toBe(401)

  const superAdmin = await createTestUser('SUPER_ADMIN')
  const context = await browser.newContext()
  const admin = await signedIn(browser, users.admin)
  const operator = await signedIn(browser, users.operator)
  try {
    for (const someone of [admin.page, operator.page]) {
      expect((await someone.request.get('/admin/queues')).status()).toBe(403)
      expect((await someone.request.get('/admin/queues/api/queues')).status()).toBe(403)
    }
    const page = await context.newPage()
    await signIn(page, superAdmin)
    const api = await page.request.get('/admin/queues/api/queues')
    expect(api.status()).toBe(200)
    const { queues } = (await api.json()) as { queues: { name: string; readOnlyMode: boolean }[] }
    expect(queues.map((q) => q.name).sort()).toEqual(expect.arrayContaining(['whatsapp-incoming-process', 'whatsapp-send']))
    expect(queues.every((q) => q.readOnlyMode)).toBe(true)
    // Read-only: a changing request is refused before bull-board sees it.
    expect((await page.request.put('/admin/queues/api/queues/whatsapp-send/retry/failed')).status()).toBe(405)
    // The page itself renders bull-board's UI.
    await page.goto('/admin/queues')
    await expect(page.getByText('whatsapp-send').first()).toBeVisible({ timeout: 30_000 })
  } finally {
    await Promise.all([context.close(), admin.context.close(), operator.context.close()])
  }
})
