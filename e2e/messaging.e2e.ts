/**
 * Messaging over the simulator: a customer writes from /dev/phone and the operator sees it arrive
 * live, replies and watches the ticks; an admin bulk-sends with confirmation and follows the progress;
 * a send over the limit is refused in plain words. Each test connects WhatsApp itself if needed and
 * puts the settings it changes back.
 */
import { expect, test } from '@playwright/test'
import { ensureConnected, NAV_TIMEOUT, phoneAndInbox, readSettings, sendClockOff, signedIn, trpc, users, writeSettings } from './whatsapp-helpers'

test.describe.configure({ timeout: 240_000 })

/** A number nobody else uses in this run (never ending in 0000, which the simulator treats as "not on WhatsApp"). */
function uniqueCustomer() {
  const digits = String(Date.now()).slice(-6)
  return { phone: `+996 700 ${digits.slice(0, 3)} ${digits.slice(3)}`, name: `E2E Айбек ${digits}`, stamp: digits }
}

test('a customer writes from /dev/phone, the operator sees it live, replies, and the reply is delivered', async ({ browser }) => {
  const { qa, operator, close } = await phoneAndInbox(browser)
  try {
    const customer = uniqueCustomer()
    const first = `Здравствуйте! Есть ли доставка в Ош? ${customer.stamp}`
    await qa.getByTestId('phone-customer-from').fill(customer.phone)
    await qa.getByTestId('phone-customer-name').fill(customer.name)
    await qa.getByTestId('phone-customer-body').fill(first)
    await qa.getByTestId('phone-customer-send').click()

    // The new conversation appears in the operator's list without a reload, and opens.
    const item = operator.getByTestId('conversation-item').filter({ hasText: first })
    await expect(item).toBeVisible({ timeout: 20_000 })
    await item.click()
    await expect(operator.getByTestId('message-bubble').filter({ hasText: first })).toBeVisible({ timeout: 30_000 })

    // A second message shows up in the open thread live.
    const second = `И сколько это стоит? ${customer.stamp}`
    await qa.getByTestId('phone-customer-body').fill(second)
    await qa.getByTestId('phone-customer-send').click()
    const incoming = operator.getByTestId('message-bubble').filter({ hasText: second })
    await expect(incoming).toBeVisible({ timeout: 20_000 })
    await expect(incoming).toHaveAttribute('data-direction', 'INCOMING')

    // The reply shows at once, then its ticks follow the delivery events.
    const reply = `Да, доставка в Ош 300 сом. ${customer.stamp}`
    await operator.getByTestId('composer-input').fill(reply)
    await operator.getByTestId('composer-input').press('Enter')
    await expect(operator.getByTestId('composer-input')).toHaveValue('')
    const outgoing = operator.getByTestId('message-bubble').filter({ hasText: reply })
    await expect(outgoing).toBeVisible({ timeout: 3_000 })
    await expect(outgoing.getByTestId('message-status')).toHaveAttribute('data-status', /DELIVERED|READ/, { timeout: 45_000 })
    await expect(outgoing).toHaveCount(1)
    await expect(operator.getByTestId('send-error')).toHaveCount(0)

    // …and the customer's phone received it.
    await expect(qa.getByTestId('phone-outbox')).toContainText(reply, { timeout: 15_000 })
    await expect(qa.getByTestId('phone-customer-chat')).toContainText(reply)
  } finally {
    await close()
  }
})

test('an admin turns on mass sending, bulk-sends to three clients with confirmation, and watches it reach 100%', async ({ browser }) => {
  const admin = await signedIn(browser, users.admin)
  const original = await readSettings(admin.page)
  try {
    await ensureConnected(admin.page)
    await writeSettings(admin.page, { ...sendClockOff(original), safety: { ...original.safety, enableMassSending: false } })

    // Mass sending off: the bulk page says so, and the server refuses with a link to the settings.
    await admin.page.goto('/clients', { timeout: NAV_TIMEOUT })
    await admin.page.getByTestId('bulk-link').click()
    await admin.page.waitForURL('**/clients/bulk', { timeout: NAV_TIMEOUT })
    await expect(admin.page.getByTestId('bulk-disabled-warning')).toBeVisible({ timeout: 30_000 })
    await admin.page.getByTestId('bulk-row-checkbox').first().check()
    await admin.page.getByTestId('bulk-message').fill('Проверка')
    await admin.page.getByTestId('bulk-send').click()
    await expect(admin.page.getByTestId('bulk-error')).toContainText('Массовая рассылка выключена')
    await expect(admin.page.getByTestId('bulk-error-settings')).toBeVisible()

    // The settings form: mass sending on, batches of 2 without confirmation, 20 a minute (with its warning).
    await admin.page.goto('/settings/whatsapp', { timeout: NAV_TIMEOUT })
    const form = admin.page.getByTestId('settings-form')
    await expect(form).toBeVisible({ timeout: 30_000 })
    await admin.page.getByTestId('settings-enableMassSending').check()
    await admin.page.getByTestId('settings-requireConfirmation').check()
    await admin.page.getByTestId('settings-maxBatchSize').fill('2')
    await admin.page.getByTestId('settings-messagesPerMinute').fill('20')
    await expect(admin.page.getByTestId('settings-warning').filter({ hasText: '10 сообщений в минуту' })).toBeVisible()
    // Beyond the safe bound the server refuses, with its message under the field.
    await admin.page.getByTestId('settings-messagesPerHour').fill('301')
    await admin.page.getByTestId('settings-save').click()
    await expect(admin.page.getByTestId('settings-field-error')).toContainText('300')
    await admin.page.getByTestId('settings-messagesPerHour').fill(String(Math.max(20, original.rateLimiting.messagesPerHour)))
    await admin.page.getByTestId('settings-save').click()
    await expect(admin.page.getByTestId('settings-saved')).toBeVisible({ timeout: 10_000 })
    await expect(admin.page.getByTestId('settings-field-error')).toHaveCount(0)

    // Three clients by hand, a personalized text, a preview per client.
    await admin.page.goto('/clients/bulk', { timeout: NAV_TIMEOUT })
    await expect(admin.page.getByTestId('bulk-disabled-warning')).toHaveCount(0, { timeout: 30_000 })
    const rows = admin.page.getByTestId('bulk-row')
    await expect(rows.first()).toBeVisible()
    const names: string[] = []
    for (let i = 0; i < 3; i += 1) {
      await rows.nth(i).getByTestId('bulk-row-checkbox').check()
      names.push((await rows.nth(i).getByTestId('bulk-row-name').innerText()).trim())
    }
    await expect(admin.page.getByTestId('bulk-selected-count')).toContainText('3')
    const stamp = String(Date.now()).slice(-6)
    await admin.page.getByTestId('bulk-message').fill(`Здравствуйте, {name}! Новая коллекция уже в наличии. ${stamp}`)
    const preview = admin.page.getByTestId('bulk-preview-item')
    await expect(preview).toHaveCount(3)
    await expect(preview.first()).toContainText(`Здравствуйте, ${names[0]}!`)

    // 3 > 2: the admin has to confirm, seeing the count and the risk.
    await admin.page.getByTestId('bulk-send').click()
    const dialog = admin.page.getByTestId('confirm-dialog')
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('3')
    await expect(dialog).toContainText('заблокирует')
    await admin.page.getByTestId('bulk-confirm').click()

    const progress = admin.page.getByTestId('bulk-progress')
    await expect(progress).toBeVisible({ timeout: 15_000 })
    await expect(progress).toHaveAttribute('data-percent', '100', { timeout: 90_000 })
    await expect(admin.page.getByTestId('bulk-done')).toBeVisible()
    await expect(admin.page.getByTestId('bulk-failed')).toHaveText('0')
  } finally {
    await writeSettings(admin.page, original)
    await admin.context.close()
  }
})

test('a send over the limit is refused with the localized limit message', async ({ browser }) => {
  const admin = await signedIn(browser, users.admin)
  const original = await readSettings(admin.page)
  try {
    await writeSettings(admin.page, {
      ...sendClockOff(original),
      rateLimiting: { ...original.rateLimiting, messagesPerMinute: 1, messagesPerHour: 1, messagesPerDay: 1 },
    })
    const conversations = await trpc<{ items: Array<{ id: string }> }>(admin.page, 'query', 'conversations.list', { page: 1, pageSize: 5 })
    await admin.page.goto(`/conversations/${conversations.items[0]!.id}`, { timeout: NAV_TIMEOUT })
    const input = admin.page.getByTestId('composer-input')
    await expect(input).toBeVisible({ timeout: 30_000 })

    // At most one of these fits in the window (earlier tests may already have used it); the refused one
    // explains the limit, and its text comes back into the composer.
    for (const text of ['Первое сообщение', 'Второе сообщение']) {
      if (await admin.page.getByTestId('send-error').isVisible()) break
      await input.fill(text)
      await admin.page.getByTestId('composer-send').click()
      await expect(admin.page.getByTestId('message-bubble').filter({ hasText: text }).or(admin.page.getByTestId('send-error'))).toBeVisible()
      await admin.page.waitForTimeout(500)
    }
    const error = admin.page.getByTestId('send-error')
    await expect(error).toBeVisible({ timeout: 10_000 })
    await expect(error).toHaveAttribute('data-code', 'TOO_MANY_REQUESTS')
    await expect(error).toContainText(/Достигнут (дневной )?лимит: 1 сообщени/)
    await expect(error).toContainText('Осталось 0')
    await expect(error).toContainText('сбросится')
    await expect(input).not.toHaveValue('')
  } finally {
    await writeSettings(admin.page, original)
    await admin.context.close()
  }
})
