/**
 * The sending governor in the browser: QA sets /dev/phone so every recipient is "not on WhatsApp", an
 * admin's bulk send makes the governor pause; the admin sees the banner (live, no reload) with the
 * reason and the figures, an operator sees it without a Resume button; the admin resumes and the
 * banner goes away for both.
 */
import { expect, test } from '@playwright/test'
import { ensureConnected, NAV_TIMEOUT, readSettings, signedIn, trpc, users, writeSettings } from './whatsapp-helpers'

test.describe.configure({ mode: 'serial', timeout: 240_000 })

const digits = String(Date.now()).slice(-5)

// A failed or timed-out run must not leave the demo organization paused: the flows after this one send
// bulk messages to it (number-safety.e2e.ts waited 90 s on a held bulk after this test timed out under load).
test.afterAll(async ({ browser }) => {
  const admin = await signedIn(browser, users.admin)
  try {
    await trpc(admin.page, 'mutation', 'whatsapp.governor.resume', {})
  } finally {
    await admin.context.close()
  }
})

test('the admin sees why bulk sends paused, with the figures, and resumes; an operator sees it without a button', async ({ browser }) => {
  const admin = await signedIn(browser, users.admin)
  const operator = await signedIn(browser, users.operator)
  const original = await readSettings(admin.page)
  const setBehaviour = async (percent: string) => {
    await admin.page.goto('/dev/phone', { timeout: NAV_TIMEOUT })
    await admin.page.getByTestId('behaviour-notOnWhatsAppPercent').fill(percent)
    await admin.page.getByTestId('behaviour-apply').click()
    await expect(admin.page.getByTestId('phone-behaviour')).toContainText('Применено', { timeout: 15_000 })
  }
  try {
    await ensureConnected(admin.page)
    await writeSettings(admin.page, {
      ...original,
      rateLimiting: { ...original.rateLimiting, messagesPerMinute: 20, messagesPerHour: 300, messagesPerDay: 2000 },
      safety: { ...original.safety, enableMassSending: true, requireConfirmation: false },
      governor: { ...original.governor, windowSends: 20, minSample: 5, maxNotOnWhatsAppPercent: 20 },
    })
    // QA: from now on every recipient is "not on WhatsApp".
    await setBehaviour('100')
    const bulk = await trpc<{ queued: number }>(admin.page, 'mutation', 'whatsapp.sendBulk', {
      messages: Array.from({ length: 7 }, (_, i) => ({ to: `+996 703 ${digits.slice(0, 3)} ${digits.slice(3)}${i + 1}`, content: `Скидки недели ${digits}` })),
    })

    expect(bulk.queued).toBe(7)

    // The pause reaches both browsers live: the pages are not reloaded.
    await admin.page.goto('/settings/whatsapp', { timeout: NAV_TIMEOUT })
    await operator.page.goto('/conversations', { timeout: NAV_TIMEOUT })
    const banner = admin.page.getByTestId('governor-banner')
    await expect(banner).toBeVisible({ timeout: 90_000 })
    await expect(banner).toHaveAttribute('data-reason', 'NOT_ON_WHATSAPP')
    await expect(admin.page.getByTestId('governor-reason')).toContainText(/100% из последних \d+ сообщений ушли на номера без WhatsApp \(порог 20%\)/)
    await expect(admin.page.getByTestId('governor-state')).toHaveAttribute('data-paused', 'true')
    const operatorBanner = operator.page.getByTestId('governor-banner')
    await expect(operatorBanner).toBeVisible({ timeout: 30_000 })
    await expect(operator.page.getByTestId('governor-operator-note')).toBeVisible()
    await expect(operator.page.getByTestId('governor-resume')).toHaveCount(0)

    await setBehaviour('0')
    await admin.page.goto('/settings/whatsapp', { timeout: NAV_TIMEOUT })
    await admin.page.getByTestId('governor-resume').click()
    await expect(admin.page.getByTestId('governor-banner')).toHaveCount(0, { timeout: 15_000 })
    await expect(operatorBanner).toHaveCount(0, { timeout: 15_000 })
    await expect(admin.page.getByTestId('governor-state')).toHaveAttribute('data-paused', 'false', { timeout: 15_000 })
    // The log shows the pause and who resumed.
    await expect(admin.page.getByTestId('governor-history').locator('li[data-action="RESUMED"]').first()).toBeVisible({ timeout: 15_000 })
  } finally {
    await setBehaviour('0').catch(() => undefined)
    await writeSettings(admin.page, original)
    await admin.context.close()
    await operator.context.close()
  }
})
