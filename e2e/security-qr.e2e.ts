/**
 * Pairing QR codes go to admins only (issue 11 point 13), over HTTP and SSE: while a QR is pending, the
 * operator's status query, qr query and live stream carry the status but no QR, for the live session
 * and for the history import's session; the admin's carry it. The operator's pages say an admin must scan.
 */
import { expect, test, type APIRequestContext } from '@playwright/test'
import { apiSignIn, callAs, openStream, resultOf } from './security-http'
import { NAV_TIMEOUT, signedIn, users } from './whatsapp-helpers'

test.describe.configure({ timeout: 180_000 })

interface StatusView {
  status: string
  qrCode: string | null
}

interface ImportJob {
  id: string
  status: string
  qrCode: string | null
}

async function status(as: APIRequestContext): Promise<StatusView> {
  return resultOf<StatusView>(await callAs(as, 'query', 'whatsapp.status'))
}

test('the live session’s QR reaches the admin, not the operator', async ({ playwright, browser }) => {
  const admin = await apiSignIn(playwright, users.admin)
  const operator = await apiSignIn(playwright, users.operator)
  if ((await status(admin)).status !== 'DISCONNECTED') {
    resultOf(await callAs(admin, 'mutation', 'whatsapp.disconnect', { logout: true }))
    await expect.poll(async () => (await status(admin)).status, { timeout: 30_000 }).toBe('DISCONNECTED')
  }
  const adminStream = await openStream(admin, 'whatsapp.onStatus')
  const operatorStream = await openStream(operator, 'whatsapp.onStatus')
  const operatorUi = await signedIn(browser, users.operator)
  try {
    await adminStream.until((s) => s.dataEvents().length > 0)
    await operatorStream.until((s) => s.dataEvents().length > 0)
    resultOf(await callAs(admin, 'mutation', 'whatsapp.connect', {}))

    // Queries.
    await expect.poll(async () => (await status(admin)).qrCode, { timeout: 30_000 }).toBeTruthy()
    const qr = (await status(admin)).qrCode!
    expect(resultOf<{ qrCode: string | null }>(await callAs(admin, 'query', 'whatsapp.qr')).qrCode).toBeTruthy()
    expect(await status(operator)).toMatchObject({ status: 'QR_CODE_PENDING', qrCode: null })
    expect(resultOf<{ qrCode: string | null }>(await callAs(operator, 'query', 'whatsapp.qr')).qrCode).toBeNull()

    // Streams: live events, and a fresh stream's snapshot.
    await adminStream.until((s) => s.dataEvents<StatusView>().some((e) => Boolean(e.data.qrCode)))
    await operatorStream.until((s) => s.dataEvents<StatusView>().some((e) => e.data.status === 'QR_CODE_PENDING'))
    const late = await openStream(operator, 'whatsapp.onStatus')
    await late.until((s) => s.dataEvents().length > 0)
    expect(late.dataEvents<StatusView>()[0]!.data).toMatchObject({ status: 'QR_CODE_PENDING', qrCode: null })
    await late.close()
    for (const event of operatorStream.dataEvents<StatusView>()) expect(event.data.qrCode).toBeNull()
    expect(JSON.stringify(operatorStream.events)).not.toContain(qr.slice(2, 30))

    // The operator's settings page shows the status and says an admin must scan; no QR drawn.
    await operatorUi.page.goto('/settings/whatsapp', { timeout: NAV_TIMEOUT })
    await expect(operatorUi.page.getByTestId('whatsapp-admin-must-scan')).toBeVisible({ timeout: 30_000 })
    await expect(operatorUi.page.getByTestId('whatsapp-qr')).toHaveCount(0)
  } finally {
    await adminStream.close()
    await operatorStream.close()
    await operatorUi.context.close()
    await callAs(admin, 'mutation', 'whatsapp.disconnect', { logout: true })
    await expect.poll(async () => (await status(admin)).status, { timeout: 30_000 }).toBe('DISCONNECTED')
    await admin.dispose()
    await operator.dispose()
  }
})

test('the history import’s QR reaches the admin, not the operator', async ({ playwright, browser }) => {
  const admin = await apiSignIn(playwright, users.admin)
  const operator = await apiSignIn(playwright, users.operator)
  const operatorStream = await openStream(operator, 'import.onProgress', {})
  const operatorUi = await signedIn(browser, users.operator)
  let jobId: string | null = null
  try {
    await operatorStream.until((s) => s.dataEvents().length > 0)
    // A device linked by an earlier import would reconnect without a QR: the phone unlinks it first.
    resultOf(await callAs(admin, 'mutation', 'devPhone.logout', { target: 'import' }))
    jobId = resultOf<{ jobId?: string; id?: string }>(await callAs(admin, 'mutation', 'import.start', {})).jobId ?? null
    await expect
      .poll(async () => resultOf<ImportJob | null>(await callAs(admin, 'query', 'import.status', {}))?.qrCode ?? null, { timeout: 30_000 })
      .toBeTruthy()
    const job = resultOf<ImportJob>(await callAs(admin, 'query', 'import.status', {}))
    jobId = job.id
    expect(job.status).toBe('WAITING_FOR_SCAN')
    expect(resultOf<ImportJob>(await callAs(operator, 'query', 'import.status', {}))).toMatchObject({ id: job.id, status: 'WAITING_FOR_SCAN', qrCode: null })
    expect(resultOf<ImportJob>(await callAs(operator, 'query', 'import.status', { jobId: job.id }))).toMatchObject({ qrCode: null })

    const adminStream = await openStream(admin, 'import.onProgress', { jobId: job.id })
    await adminStream.until((s) => s.dataEvents<ImportJob | null>().some((e) => Boolean(e.data?.qrCode)))
    await adminStream.close()
    await operatorStream.until((s) => s.dataEvents<ImportJob | null>().some((e) => e.data?.status === 'WAITING_FOR_SCAN'))
    for (const event of operatorStream.dataEvents<ImportJob | null>()) expect(event.data?.qrCode ?? null).toBeNull()
    expect(JSON.stringify(operatorStream.events)).not.toContain(job.qrCode!.slice(2, 30))

    await operatorUi.page.goto('/settings/import', { timeout: NAV_TIMEOUT })
    await expect(operatorUi.page.getByTestId('import-admin-must-scan')).toBeVisible({ timeout: 30_000 })
    await expect(operatorUi.page.getByTestId('import-qr')).toHaveCount(0)
  } finally {
    await operatorStream.close()
    await operatorUi.context.close()
    if (jobId) await callAs(admin, 'mutation', 'import.cancel', { jobId })
    await admin.dispose()
    await operator.dispose()
  }
})
