/**
 * The operator's inbox at phone width (issue 13 points 2, 3, 8): an operator assigns a conversation to
 * themselves, resolves it, and a new customer message from /dev/phone brings it back to the open list;
 * a private note with an @mention reaches the colleague named (live, in their mentions) and never the
 * customer's phone.
 */
import { expect, test } from '@playwright/test'
import { NAV_TIMEOUT, phoneAndInbox, signedIn, users, customerWrites } from './whatsapp-helpers'

test.describe.configure({ timeout: 240_000 })

const PHONE_VIEWPORT = { width: 390, height: 844 }

function uniqueCustomer() {
  const digits = String(Date.now()).slice(-6)
  return { phone: `+996 701 ${digits.slice(0, 3)} ${digits.slice(3)}`, name: `E2E Инбокс ${digits}`, stamp: digits }
}

test('assign to me, resolve, and a new customer message reopens it (phone width)', async ({ browser }) => {
  const { qa, operator, close } = await phoneAndInbox(browser)
  try {
    await operator.setViewportSize(PHONE_VIEWPORT)
    const customer = uniqueCustomer()
    const first = `Здравствуйте, заказ ещё в силе? ${customer.stamp}`
    await customerWrites(qa, customer, first)

    const item = operator.getByTestId('conversation-item').filter({ hasText: customer.stamp })
    await expect(item).toBeVisible({ timeout: 30_000 })
    await item.click()
    await expect(operator.getByTestId('message-bubble').filter({ hasText: first })).toBeVisible({ timeout: 30_000 })

    // Assign to me: the owner shows, and a system line says who took it.
    await operator.getByTestId('assign-to-me').click()
    await expect(operator.getByTestId('assignee-name')).toContainText('Бакыт Токтогулов')
    await expect(operator.locator('[data-testid="thread-system-line"][data-kind="ASSIGNED"]')).toBeVisible()

    // Resolve: the conversation leaves the default (open) list.
    await operator.getByTestId('resolve').click()
    await expect(operator.getByTestId('reopen')).toBeVisible()
    await expect(operator.locator('[data-testid="thread-system-line"][data-kind="RESOLVED"]')).toBeVisible()
    await operator.getByTestId('conversation-back').click()
    await expect(operator.getByTestId('filter-status')).toBeVisible()
    await expect(operator.getByTestId('conversation-item').filter({ hasText: customer.stamp })).toHaveCount(0)
    await operator.getByTestId('filter-status').selectOption('RESOLVED')
    await expect(operator.getByTestId('conversation-item').filter({ hasText: customer.stamp })).toBeVisible()
    await operator.getByTestId('filter-status').selectOption('OPEN')
    await expect(operator.getByTestId('conversation-item').filter({ hasText: customer.stamp })).toHaveCount(0)

    // The customer writes again: it is back among the open ones (live), still mine.
    const again = `Ещё вопрос по заказу ${customer.stamp}`
    await customerWrites(qa, customer, again)
    const back = operator.getByTestId('conversation-item').filter({ hasText: customer.stamp })
    await expect(back).toBeVisible({ timeout: 30_000 })
    await operator.getByTestId('filter-mine').click()
    await expect(back).toBeVisible()
    await expect(back.getByTestId('conversation-owner')).toBeVisible()
    await back.click()
    await expect(operator.getByTestId('message-bubble').filter({ hasText: again })).toBeVisible({ timeout: 30_000 })
    await expect(operator.getByTestId('resolve')).toBeVisible()
    await expect(operator.locator('[data-testid="thread-system-line"][data-kind="REOPENED"]')).toBeVisible()
    // Nothing spills over the phone's width.
    const overflow = await operator.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  } finally {
    await close()
  }
})

test('a private note with an @mention reaches the colleague, never the customer', async ({ browser }) => {
  const { qa, operator, close } = await phoneAndInbox(browser)
  const colleague = await signedIn(browser, users.admin)
  try {
    await operator.setViewportSize(PHONE_VIEWPORT)
    await colleague.page.goto('/conversations', { timeout: NAV_TIMEOUT })
    await expect(colleague.page.getByTestId('mentions-bell')).toBeVisible({ timeout: 30_000 })
    const unreadBefore = Number(
      (await colleague.page
        .getByTestId('mentions-unread')
        .textContent({ timeout: 2_000 })
        .catch(() => '0')) ?? '0',
    )

    const customer = uniqueCustomer()
    await customerWrites(qa, customer, `Можно оплатить картой? ${customer.stamp}`)
    const item = operator.getByTestId('conversation-item').filter({ hasText: customer.stamp })
    await expect(item).toBeVisible({ timeout: 30_000 })
    await item.click()

    // A note: typing @ offers colleagues; the picked one is written in full.
    await operator.getByTestId('composer-mode-note').click()
    const note = `Клиент постоянный, скидка 10% ${customer.stamp}`
    await operator.getByTestId('note-input').fill(`${note} @Айг`)
    await expect(operator.getByTestId('mention-picker')).toBeVisible()
    await operator
      .getByTestId('mention-picker')
      .getByRole('option', { name: /Айгуль Асанова/ })
      .click()
    await expect(operator.getByTestId('note-input')).toHaveValue(`${note} @Айгуль Асанова `)
    await operator.getByTestId('note-send').click()
    const shown = operator.getByTestId('thread-note').filter({ hasText: note })
    await expect(shown).toBeVisible()
    await expect(shown).toContainText('Бакыт Токтогулов')
    await expect(operator.getByTestId('note-input')).toHaveValue('')

    // The colleague is told live, and the mention opens the conversation (and is read then).
    await expect(colleague.page.getByTestId('mentions-unread')).toHaveText(String(unreadBefore + 1), { timeout: 20_000 })
    await colleague.page.getByTestId('mentions-bell').click()
    await colleague.page.getByTestId('mention-item').filter({ hasText: customer.stamp }).click()
    await colleague.page.waitForURL('**/conversations/*', { timeout: NAV_TIMEOUT })
    await expect(colleague.page.getByTestId('thread-note').filter({ hasText: note })).toBeVisible({ timeout: 30_000 })
    if (unreadBefore === 0) await expect(colleague.page.getByTestId('mentions-unread')).toHaveCount(0, { timeout: 20_000 })

    // The customer's phone never got the note.
    await qa.reload({ timeout: NAV_TIMEOUT })
    await expect(qa.getByTestId('phone-customer-send')).toBeVisible({ timeout: 30_000 })
    await expect(qa.getByTestId('phone-outbox')).not.toContainText('скидка 10%')
  } finally {
    await colleague.context.close()
    await close()
  }
})
