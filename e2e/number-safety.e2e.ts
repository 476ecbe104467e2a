/**
 * Number safety in the browser: a customer writes "стоп" from /dev/phone and the operator sees the
 * opt-out badge in the conversation and the client list; an admin's bulk send to that customer and
 * another shows the excluded recipient and why, and the same text again is counted as skipped.
 */
import { expect, test } from '@playwright/test'
import { ensureConnected, NAV_TIMEOUT, phoneAndInbox, readSettings, sendClockOff, signedIn, users, writeSettings, customerWrites } from './whatsapp-helpers'

test.describe.configure({ mode: 'serial', timeout: 240_000 })

const digits = String(Date.now()).slice(-6)
const optedOut = { phone: `+996 701 ${digits.slice(0, 3)} ${digits.slice(3)}`, name: `E2E Стоп ${digits}` }
const digitsOf = (phone: string) => phone.replace(/\D/g, '')
const other = { phone: `+996 702 ${digits.slice(0, 3)} ${digits.slice(3)}`, name: `E2E Другой ${digits}` }

test('a customer writes "стоп": the operator sees the opt-out badge in the conversation and the client list', async ({ browser }) => {
  const { qa, operator, close } = await phoneAndInbox(browser)
  try {
    for (const [customer, body] of [
      [other, `Здравствуйте, сколько стоит доставка? ${digits}`],
      [optedOut, 'СТОП!!!'],
    ] as const) {
      await customerWrites(qa, customer, body)
    }
    const item = operator.getByTestId('conversation-item').filter({ hasText: optedOut.phone })
    await expect(item).toBeVisible({ timeout: 30_000 })
    await item.click()
    await expect(operator.getByTestId('message-bubble').filter({ hasText: 'СТОП!!!' })).toBeVisible({ timeout: 30_000 })
    await operator.reload({ timeout: NAV_TIMEOUT })
    await expect(operator.getByTestId('client-opted-out')).toBeVisible({ timeout: 30_000 })
    await expect(operator.getByTestId('client-opted-out')).toHaveText('Отписался')

    await operator.goto(`/clients?q=${encodeURIComponent(digitsOf(optedOut.phone))}`, { timeout: NAV_TIMEOUT })
    await expect(operator.getByTestId('client-opted-out')).toBeVisible({ timeout: 30_000 })
  } finally {
    await close()
  }
})

test('a bulk send shows the excluded recipient and why, and the same text again as skipped', async ({ browser }) => {
  const admin = await signedIn(browser, users.admin)
  const original = await readSettings(admin.page)
  try {
    await ensureConnected(admin.page)
    await writeSettings(admin.page, { ...sendClockOff(original), safety: { ...original.safety, enableMassSending: true, requireConfirmation: false } })
    const text = `Новая коллекция уже в наличии. ${digits}`
    const sendTo = async () => {
      await admin.page.goto('/clients/bulk', { timeout: NAV_TIMEOUT })
      for (const customer of [optedOut, other]) {
        await admin.page.getByTestId('bulk-search').fill(digitsOf(customer.phone))
        const row = admin.page.getByTestId('bulk-row').filter({ hasText: customer.phone })
        await expect(row).toHaveCount(1, { timeout: 30_000 })
        await row.getByTestId('bulk-row-checkbox').check()
        // The picker already shows who opted out.
        await expect(row.getByTestId('client-opted-out')).toHaveCount(customer === optedOut ? 1 : 0)
      }
      await expect(admin.page.getByTestId('bulk-selected-count')).toContainText('2')
      await admin.page.getByTestId('bulk-message').fill(text)
      await admin.page.getByTestId('bulk-send').click()
      await expect(admin.page.getByTestId('bulk-result')).toBeVisible({ timeout: 15_000 })
    }

    await sendTo()
    await expect(admin.page.getByTestId('bulk-excluded')).toHaveText('1', { timeout: 15_000 })
    await expect(admin.page.getByTestId('bulk-reason-OPTED_OUT')).toHaveAttribute('data-count', '1')
    await expect(admin.page.getByTestId('bulk-reason-OPTED_OUT')).toContainText('отписались')
    await expect(admin.page.getByTestId('bulk-progress')).toHaveAttribute('data-percent', '100', { timeout: 90_000 })

    // The same text to the same two: one excluded (opted out), one skipped (a repeat within 24 h).
    await sendTo()
    await expect(admin.page.getByTestId('bulk-skipped')).toHaveText('1', { timeout: 15_000 })
    await expect(admin.page.getByTestId('bulk-excluded')).toHaveText('1')
    await expect(admin.page.getByTestId('bulk-reason-REPEAT')).toContainText('тот же текст за 24 ч')
  } finally {
    await writeSettings(admin.page, original)
    await admin.context.close()
  }
})
