/**
 * Connecting WhatsApp (simulator engine): the admin's QR, QA scanning it on /dev/phone, the status
 * changing live without reloads, roles, organization isolation, and the phone unlinking the device.
 * Each test gets the connection into the state it needs and leaves it disconnected.
 */
import { expect, test } from '@playwright/test'
import { connectWithPhone, disconnectViaApi, NAV_TIMEOUT, signedIn, trpc, users } from './whatsapp-helpers'

test.describe.configure({ timeout: 240_000 })

test('admin connects, QA scans the QR on /dev/phone, and the status turns Connected without a reload', async ({ browser }) => {
  const admin = await signedIn(browser, users.admin)
  const qa = await signedIn(browser, users.admin)
  try {
    await disconnectViaApi(admin.page)
    await admin.page.goto('/settings/whatsapp', { timeout: NAV_TIMEOUT })
    const badge = admin.page.getByTestId('whatsapp-status')
    await expect(badge).toHaveAttribute('data-status', 'DISCONNECTED', { timeout: 30_000 })
    await expect(badge).toHaveText('Не подключён')

    await admin.page.getByTestId('whatsapp-connect').click()
    const qr = admin.page.getByTestId('whatsapp-qr')
    await expect(qr).toBeVisible({ timeout: 5_000 })
    await expect(badge).toHaveAttribute('data-status', 'QR_CODE_PENDING')
    await expect(admin.page.getByText('Связанные устройства')).toBeVisible()
    const code = await qr.getAttribute('data-qr')
    expect(code).toMatch(/\S{10,}/)
    // The same code is what the API hands out while it is pending.
    expect((await trpc<{ qrCode: string | null }>(admin.page, 'query', 'whatsapp.qr')).qrCode).toBe(code)

    // QA pastes exactly the code shown on the admin's screen and scans it.
    await qa.page.goto('/dev/phone', { timeout: NAV_TIMEOUT })
    await expect(qa.page.getByTestId('phone-state')).toHaveAttribute('data-linked', 'false')
    await qa.page.getByText('Параметры сканирования').click()
    await qa.page.getByTestId('phone-qr-input').fill(code!)
    await qa.page.getByTestId('phone-scan').click()

    await expect(badge).toHaveAttribute('data-status', 'CONNECTED', { timeout: 15_000 })
    await expect(qr).toHaveCount(0)
    await expect(admin.page.getByTestId('whatsapp-phone')).toHaveText(/^\+996 555/)
    await expect(admin.page.getByTestId('whatsapp-push-name')).toHaveText('Soul Demo Shop')
    await expect(admin.page.getByTestId('whatsapp-connected-since')).not.toHaveText('—')
    await expect(admin.page.getByTestId('whatsapp-connect')).toHaveCount(0)
    await expect(admin.page.getByTestId('whatsapp-disconnect')).toBeVisible()
    await expect(qa.page.getByTestId('phone-state')).toHaveAttribute('data-linked', 'true', { timeout: 10_000 })

    // Disconnect asks first; Cancel keeps the connection, confirming ends it.
    await admin.page.getByTestId('whatsapp-disconnect').click()
    await admin.page.getByTestId('confirm-cancel').click()
    await expect(badge).toHaveAttribute('data-status', 'CONNECTED')
    await admin.page.getByTestId('whatsapp-disconnect').click()
    await admin.page.getByTestId('whatsapp-logout-too').check()
    await admin.page.getByTestId('whatsapp-disconnect-confirm').click()
    await expect(badge).toHaveAttribute('data-status', 'DISCONNECTED', { timeout: 15_000 })
    await expect(admin.page.getByTestId('whatsapp-connect')).toBeVisible()
  } finally {
    await disconnectViaApi(admin.page).catch(() => undefined)
    await admin.context.close()
    await qa.context.close()
  }
})

test('an operator sees the status but has no Connect or Disconnect, and the API refuses them', async ({ browser }) => {
  const admin = await signedIn(browser, users.admin)
  const operator = await signedIn(browser, users.operator)
  try {
    await disconnectViaApi(admin.page)
    await operator.page.goto('/settings/whatsapp', { timeout: NAV_TIMEOUT })
    const badge = operator.page.getByTestId('whatsapp-status')
    await expect(badge).toHaveAttribute('data-status', 'DISCONNECTED', { timeout: 30_000 })
    await expect(operator.page.getByTestId('whatsapp-ask-admin')).toBeVisible()
    await expect(operator.page.getByTestId('whatsapp-connect')).toHaveCount(0)
    await expect(operator.page.getByTestId('settings-read-only')).toBeVisible()
    await expect(operator.page.getByTestId('settings-messagesPerMinute')).toBeDisabled()
    await expect(operator.page.getByTestId('settings-save')).toHaveCount(0)
    await expect(trpc(operator.page, 'mutation', 'whatsapp.connect')).rejects.toThrow(/403/)

    // When the admin connects, the operator's page follows live, still without buttons, and without the
    // QR: only an admin may link the business number (a QR scanned by an operator's phone links theirs).
    await admin.page.goto('/settings/whatsapp', { timeout: NAV_TIMEOUT })
    await admin.page.getByTestId('whatsapp-connect').click()
    await expect(badge).toHaveAttribute('data-status', 'QR_CODE_PENDING', { timeout: 10_000 })
    await expect(operator.page.getByTestId('whatsapp-admin-must-scan')).toBeVisible()
    await expect(operator.page.getByTestId('whatsapp-qr')).toHaveCount(0)
    await expect(operator.page.getByTestId('whatsapp-cancel')).toHaveCount(0)
    await expect(operator.page.getByTestId('whatsapp-disconnect')).toHaveCount(0)
  } finally {
    await disconnectViaApi(admin.page).catch(() => undefined)
    await admin.context.close()
    await operator.context.close()
  }
})

test("another organization's admin sees only their own status and cannot read the demo organization's QR", async ({ browser }) => {
  const admin = await signedIn(browser, users.admin)
  const other = await signedIn(browser, users.otherAdmin)
  try {
    await disconnectViaApi(admin.page)
    await disconnectViaApi(other.page)
    await admin.page.goto('/settings/whatsapp', { timeout: NAV_TIMEOUT })
    await admin.page.getByTestId('whatsapp-connect').click()
    await expect(admin.page.getByTestId('whatsapp-qr')).toBeVisible({ timeout: 10_000 })

    await other.page.goto('/settings/whatsapp', { timeout: NAV_TIMEOUT })
    await expect(other.page.getByTestId('whatsapp-status')).toHaveAttribute('data-status', 'DISCONNECTED', { timeout: 30_000 })
    await expect(other.page.getByTestId('whatsapp-qr')).toHaveCount(0)
    await expect(other.page.getByTestId('organization-name')).not.toContainText('Soul Demo')

    // Through fetch, from their own browser: their own QR is empty, the demo organization's is forbidden.
    const answers = await other.page.evaluate(async () => {
      const url = (input?: unknown) => `/api/trpc/whatsapp.qr${input ? `?input=${encodeURIComponent(JSON.stringify({ json: input }))}` : ''}`
      const own = await fetch(url())
      const foreign = await fetch(url({ organizationId: 'org_demo' }))
      return { own: { status: own.status, body: await own.json() }, foreign: { status: foreign.status, body: await foreign.text() } }
    })
    expect(answers.own.status).toBe(200)
    expect(answers.own.body.result.data.json.qrCode).toBeNull()
    expect(answers.foreign.status).toBe(403)
    expect(answers.foreign.body).not.toContain(await admin.page.getByTestId('whatsapp-qr').getAttribute('data-qr'))
  } finally {
    await disconnectViaApi(admin.page).catch(() => undefined)
    await admin.context.close()
    await other.context.close()
  }
})

test('logging out on the phone shows Disconnected with an explanation, and Connect shows a new QR', async ({ browser }) => {
  const admin = await signedIn(browser, users.admin)
  const qaPage = await admin.context.newPage()
  try {
    await disconnectViaApi(admin.page)
    await connectWithPhone(admin.page, qaPage)

    await qaPage.getByTestId('phone-logout').click()
    const badge = admin.page.getByTestId('whatsapp-status')
    await expect(badge).toHaveAttribute('data-status', 'DISCONNECTED', { timeout: 15_000 })
    const explanation = admin.page.getByTestId('whatsapp-error')
    await expect(explanation).toHaveAttribute('data-code', 'LOGGED_OUT')
    await expect(explanation).toContainText('Телефон отвязал это устройство')
    await expect(qaPage.getByTestId('phone-state')).toHaveAttribute('data-linked', 'false', { timeout: 10_000 })

    await admin.page.getByTestId('whatsapp-connect').click()
    await expect(admin.page.getByTestId('whatsapp-qr')).toBeVisible({ timeout: 5_000 })
    await expect(explanation).toHaveCount(0)
  } finally {
    await disconnectViaApi(admin.page).catch(() => undefined)
    await admin.context.close()
  }
})
