/**
 * Issue 11, points 1, 8 and 9, against the production server over HTTP: a zip bomb is refused with
 * the server's memory bounded; bodies over a route's cap get 413 before they are read (declared or
 * streamed), and the upload route checks the session and the role before reading any of the body;
 * tRPC batches over 20 calls are refused; cross-site form posts and foreign origins are refused (CSRF),
 * same-origin JSON keeps working.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { memoryOf, pidListeningOn, resetPeak } from '../src/server/testing/process-memory'
import { zipBomb } from '../src/server/testing/zip-bomb'
import { cookieHeader, origin, port, rawPost, rawSend } from './raw-http'
import { readSettings, signedIn, trpc, users } from './whatsapp-helpers'

const MB = 1024 * 1024
const uploadHeaders = (cookie: string, fileName: string) => ({
  cookie,
  origin,
  'content-type': 'application/octet-stream',
  'x-file-name': encodeURIComponent(fileName),
  'x-soul-request': '1',
})

let admin: { context: BrowserContext; page: Page }
let operator: { context: BrowserContext; page: Page }
let adminCookie: string
let operatorCookie: string

test.beforeAll(async ({ browser }) => {
  admin = await signedIn(browser, users.admin)
  operator = await signedIn(browser, users.operator)
  adminCookie = await cookieHeader(admin.context)
  operatorCookie = await cookieHeader(operator.context)
})

test.afterAll(async () => {
  await admin?.context.close()
  await operator?.context.close()
})

test.describe('zip bomb', () => {
  test('a 1 MB zip claiming 100 bytes that inflates to 1 GB is refused, and the server grows by far less than 100 MB', async () => {
    const bomb = await zipBomb({ inflatedBytes: 1024 * MB, claimedBytes: 100 })
    const claimsJustUnderCap = await zipBomb({ inflatedBytes: 1024 * MB, claimedBytes: 20 * MB - 1 })
    const pid = pidListeningOn(port)
    expect(pid, `a process listening on port ${port}`).not.toBeNull()
    // Warm the path once (the first preview starts tsx in a worker thread), so the peak below is the bomb's.
    const warm = await rawSend('/api/import/upload', Buffer.from('01.03.2026, 10:00 - A: hi\n'), uploadHeaders(adminCookie, 'warm.txt'))
    await trpc(admin.page, 'mutation', 'import.previewExport', { fileName: 'warm.txt', uploadId: (JSON.parse(warm.body) as { uploadId: string }).uploadId })

    for (const [label, zip] of [
      ['claims 100 bytes', bomb],
      ['claims 20 MB - 1', claimsJustUnderCap],
    ] as const) {
      const before = memoryOf(pid!)
      resetPeak(pid!)
      const upload = await rawSend('/api/import/upload', zip, uploadHeaders(adminCookie, 'WhatsApp Chat - bomb.zip'))
      expect(upload.status).toBe(200)
      const { uploadId } = JSON.parse(upload.body) as { uploadId: string }
      await expect(trpc(admin.page, 'mutation', 'import.previewExport', { fileName: 'WhatsApp Chat - bomb.zip', uploadId })).rejects.toThrow(
        /400: Файл больше 20 МБ/,
      )
      const growth = memoryOf(pid!).peak - before.rss
      const figure = `bomb (${label}, ${zip.length} bytes): server RSS ${(before.rss / MB).toFixed(0)} MB, peak +${(growth / MB).toFixed(1)} MB`
      test.info().annotations.push({ type: 'memory', description: figure })
      process.stdout.write(`${figure}\n`)
      expect(growth).toBeLessThan(100 * MB)
    }
    // The server is still answering.
    expect((await admin.page.request.get('/api/health')).status()).toBe(200)
  })
})

test.describe('request size', () => {
  test('a declared 60 MB body to an admin-only procedure, as an operator, gets 413 without being read', async () => {
    const answer = await rawPost('/api/trpc/import.previewExport', {
      headers: { cookie: operatorCookie, origin, 'content-type': 'application/json' },
      total: 60 * MB,
    })
    expect(answer.status).toBe(413)
    expect(answer.sent).toBeLessThan(60 * MB)
  })

  test('a streamed (chunked) body over the 2 MB tRPC cap is cut with 413 while being read', async () => {
    const answer = await rawPost('/api/trpc/import.previewExport', {
      headers: { cookie: operatorCookie, origin, 'content-type': 'application/json' },
      total: 60 * MB,
      declare: false,
    })
    expect(answer.status).toBe(413)
    expect(answer.sent).toBeLessThan(60 * MB)
  })

  test('the upload route checks the session and the role before reading the body', async () => {
    // Streamed without a length, so only the route's own checks can stop it. What was sent before the
    // answer is at most what the socket buffers held (a few MB on loopback), never the 60 MB.
    const signedOut = await rawPost('/api/import/upload', { headers: { ...uploadHeaders('', 'chat.txt') }, total: 60 * MB, declare: false })
    expect(signedOut.status).toBe(401)
    expect(signedOut.sent).toBeLessThan(60 * MB)
    const asOperator = await rawPost('/api/import/upload', { headers: uploadHeaders(operatorCookie, 'chat.txt'), total: 60 * MB, declare: false })
    expect(asOperator.status).toBe(403)
    expect(asOperator.sent).toBeLessThan(60 * MB)
    const declaredHuge = await rawPost('/api/import/upload', { headers: uploadHeaders(operatorCookie, 'chat.txt'), total: 60 * MB })
    expect(declaredHuge.status).toBe(413)
  })

  test('an admin upload over 10 MB is cut with 413, declared or streamed; 10 MB exactly is taken', async () => {
    const declared = await rawPost('/api/import/upload', { headers: uploadHeaders(adminCookie, 'chat.txt'), total: 10 * MB + 1 })
    expect(declared.status).toBe(413)
    const streamed = await rawPost('/api/import/upload', { headers: uploadHeaders(adminCookie, 'chat.txt'), total: 30 * MB, declare: false })
    expect(streamed.status).toBe(413)
    expect(streamed.sent).toBeLessThan(30 * MB)
    expect(JSON.parse(streamed.body)).toMatchObject({ error: { message: 'Файл больше 10 МБ.' } })
    const exact = await rawPost('/api/import/upload', { headers: uploadHeaders(adminCookie, 'chat.txt'), total: 10 * MB, declare: false })
    expect(exact.status).toBe(200)
  })

  test('a tRPC batch of more than 20 calls is refused with 400; 20 are answered', async () => {
    const batch = (n: number) => `/api/trpc/${Array.from({ length: n }, () => 'whatsapp.status').join(',')}?batch=1&input=${encodeURIComponent('{}')}`
    const twenty = await admin.page.request.get(batch(20))
    expect(twenty.status()).toBe(200)
    expect((await twenty.json()) as unknown[]).toHaveLength(20)
    const tooMany = await admin.page.request.get(batch(21))
    expect(tooMany.status()).toBe(400)
    const many = await admin.page.request.get(batch(1800))
    expect(many.status()).toBeGreaterThanOrEqual(400)
    expect(many.status()).toBeLessThan(500)
  })
})

test.describe('cross-site requests (CSRF)', () => {
  const evil = 'http://evil.example'
  const path = '/api/trpc/whatsapp.settings.update'

  test('a cross-site form post (multipart or urlencoded) is refused with 403 and changes nothing; same-origin JSON works', async () => {
    const settings = await readSettings(admin.page)
    const changed = settings.rateLimiting.messagesPerMinute === 7 ? 8 : 7
    const boundary = '----evilform'
    const multipart = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="rateLimiting.messagesPerMinute"',
      '',
      String(changed),
      `--${boundary}--`,
      '',
    ].join('\r\n')
    const formPost = await rawSend(path, multipart, { cookie: adminCookie, origin: evil, 'content-type': `multipart/form-data; boundary=${boundary}` })
    expect(formPost.status).toBe(403)
    const urlencoded = await rawSend(path, `rateLimiting.messagesPerMinute=${changed}`, {
      cookie: adminCookie,
      origin: evil,
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(urlencoded.status).toBe(403)
    // A foreign origin is refused whatever the content type, and a Referer stands in when there is no Origin.
    const json = JSON.stringify({ json: { ...settings, rateLimiting: { ...settings.rateLimiting, messagesPerMinute: changed } } })
    expect((await rawSend(path, json, { cookie: adminCookie, origin: evil, 'content-type': 'application/json' })).status).toBe(403)
    expect((await rawSend(path, json, { cookie: adminCookie, referer: `${evil}/page`, 'content-type': 'application/json' })).status).toBe(403)
    // Even from our own origin, a mutation must be JSON (or carry our header).
    expect((await rawSend(path, `x=1`, { cookie: adminCookie, origin, 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415)
    expect((await readSettings(admin.page)).rateLimiting.messagesPerMinute).toBe(settings.rateLimiting.messagesPerMinute)

    // Same origin, JSON: accepted.
    const accepted = await rawSend(path, json, { cookie: adminCookie, origin, 'content-type': 'application/json' })
    expect(accepted.status).toBe(200)
    expect((await readSettings(admin.page)).rateLimiting.messagesPerMinute).toBe(changed)
    await trpc(admin.page, 'mutation', 'whatsapp.settings.update', settings)
  })

  test('the upload route refuses a foreign origin, and queries (GET) stay open to the app', async () => {
    const upload = await rawSend('/api/import/upload', Buffer.from('01.03.2026, 10:00 - A: hi\n'), { ...uploadHeaders(adminCookie, 'chat.txt'), origin: evil })
    expect(upload.status).toBe(403)
    expect((await admin.page.request.get('/api/trpc/whatsapp.status')).status()).toBe(200)
  })
})
