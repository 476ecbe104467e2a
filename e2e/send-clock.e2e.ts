/**
 * Warm-up and quiet hours in the browser: the admin flags the number as new and the WhatsApp settings
 * page shows today's warm-up cap (20) and the curve, and warns when warm-up is turned off; before a bulk
 * is sent, the bulk screen shows when it should finish (quiet hours set around the current time make
 * it wait for their end), the warm-up cap, and how many recipients will be left out and why.
 */
import { expect, test } from '@playwright/test'
import { ensureConnected, NAV_TIMEOUT, readSettings, signedIn, users, writeSettings, type WhatsAppSettings, customerWrites } from './whatsapp-helpers'

test.describe.configure({ mode: 'serial', timeout: 240_000 })

const digits = String(Date.now()).slice(-6)
const optedOut = { phone: `+996 703 ${digits.slice(0, 3)} ${digits.slice(3)}`, name: `E2E Тихо ${digits}` }
const other = { phone: `+996 704 ${digits.slice(0, 3)} ${digits.slice(3)}`, name: `E2E Утро ${digits}` }
const digitsOf = (phone: string) => phone.replace(/\D/g, '')

/** "HH:MM" in Bishkek, `minutes` from now. */
function bishkekClock(minutes: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Bishkek', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(Date.now() + minutes * 60_000),
  )
}

/** Back to what it was (a "new" flag this file set is cleared). */
function restored(original: WhatsAppSettings): WhatsAppSettings {
  return { ...original, warmUp: { enabled: original.warmUp.enabled, markNew: Boolean(original.warmUp.newSince) } }
}

test('the settings page shows today’s warm-up cap and the curve, and warns when warm-up is turned off', async ({ browser }) => {
  const admin = await signedIn(browser, users.admin)
  const original = await readSettings(admin.page)
  try {
    await writeSettings(admin.page, { ...original, warmUp: { enabled: true } })
    await admin.page.goto('/settings/whatsapp', { timeout: NAV_TIMEOUT })
    await expect(admin.page.getByTestId('warm-up-panel')).toBeVisible({ timeout: 30_000 })
    await admin.page.getByTestId('warm-up-mark-new').click()
    await expect(admin.page.getByTestId('warm-up-panel')).toHaveAttribute('data-active', 'true', { timeout: 15_000 })
    await expect(admin.page.getByTestId('warm-up-cap')).toHaveText(String(Math.min(20, original.rateLimiting.messagesPerDay)))
    await expect(admin.page.getByTestId('warm-up-panel')).toContainText('День прогрева 1 из 14')
    await expect(admin.page.getByTestId('warm-up-curve').getByRole('listitem')).toHaveCount(14)
    await expect(admin.page.getByTestId('warm-up-curve').getByRole('listitem').nth(2)).toHaveText(/день 3: 40/)

    // Opting out warns in plain words before it is saved.
    await admin.page.getByTestId('settings-warmUp').uncheck()
    await expect(admin.page.getByTestId('settings-warning').and(admin.page.locator('[data-warning="warmUpOff"]'))).toContainText('Прогрев выключен')
    await admin.page.getByTestId('settings-reset').click()
  } finally {
    await writeSettings(admin.page, restored(original))
    await admin.context.close()
  }
})

test('before sending, the bulk screen shows the finish time (after quiet hours), the warm-up cap and the excluded recipients', async ({ browser }) => {
  const admin = await signedIn(browser, users.admin)
  const original = await readSettings(admin.page)
  try {
    await ensureConnected(admin.page)
    // Two customers write; one says "стоп".
    const qa = await admin.context.newPage()
    await qa.goto('/dev/phone', { timeout: NAV_TIMEOUT })
    for (const [customer, body] of [
      [other, `Здравствуйте! ${digits}`],
      [optedOut, 'стоп'],
    ] as const) {
      await customerWrites(qa, customer, body)
    }
    // Quiet hours from 30 minutes ago to 90 minutes from now, in the organization's zone.
    const quietEnd = bishkekClock(90)
    await writeSettings(admin.page, {
      ...original,
      safety: { ...original.safety, enableMassSending: true },
      timeZone: 'Asia/Bishkek',
      quietHours: { enabled: true, start: bishkekClock(-30), end: quietEnd },
      warmUp: { enabled: true, markNew: true },
    })

    await admin.page.goto('/clients/bulk', { timeout: NAV_TIMEOUT })
    for (const customer of [optedOut, other]) {
      await admin.page.getByTestId('bulk-search').fill(digitsOf(customer.phone))
      const row = admin.page.getByTestId('bulk-row').filter({ hasText: customer.phone })
      await expect(row).toHaveCount(1, { timeout: 30_000 })
      await expect(row.getByTestId('client-opted-out')).toHaveCount(customer === optedOut ? 1 : 0, { timeout: 30_000 })
      await row.getByTestId('bulk-row-checkbox').check()
    }
    await admin.page.getByTestId('bulk-message').fill(`Утренняя акция ${digits}`)

    const estimate = admin.page.getByTestId('bulk-estimate')
    await expect(estimate).toBeVisible({ timeout: 15_000 })
    await expect(admin.page.getByTestId('bulk-estimate-excluded')).toHaveText('1')
    await expect(admin.page.getByTestId('bulk-estimate-reason-OPTED_OUT')).toHaveAttribute('data-count', '1')
    await expect(admin.page.getByTestId('bulk-estimate-reason-OPTED_OUT')).toContainText('отписались')
    // The one message left waits for the end of quiet hours: it should finish within the hour after it.
    await expect(admin.page.getByTestId('bulk-estimate-quiet')).toHaveAttribute('data-count', '1')
    await expect(admin.page.getByTestId('bulk-estimate-quiet')).toContainText(quietEnd)
    const finishAt = Date.parse((await admin.page.getByTestId('bulk-finish-at').getAttribute('data-finish-at')) ?? '')
    expect(finishAt).toBeGreaterThan(Date.now() + 85 * 60_000)
    expect(finishAt).toBeLessThan(Date.now() + 155 * 60_000)
    await expect(admin.page.getByTestId('bulk-finish-at')).not.toBeEmpty()
    await expect(admin.page.getByTestId('bulk-estimate-warm-up')).toContainText('20')
    // Nothing was sent or created by looking.
    await expect(admin.page.getByTestId('bulk-result')).toHaveCount(0)
  } finally {
    await writeSettings(admin.page, restored(original))
    await admin.context.close()
  }
})
