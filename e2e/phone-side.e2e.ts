/**
 * The business phone's own side (issue 9, points 3 and 4), over the simulator from /dev/phone: a
 * reply typed on the phone appears in the operator's open ConversationView live, marked as from the
 * phone; a message the customer deletes for everyone stays readable, struck through with its label; an
 * edit shows "edited" with the previous text.
 */
import { expect, test, type Page } from '@playwright/test'
import { phoneAndInbox } from './whatsapp-helpers'

test.describe.configure({ timeout: 240_000 })

function uniqueCustomer() {
  const digits = String(Date.now()).slice(-6)
  return { phone: `+996 701 ${digits.slice(0, 3)} ${digits.slice(3)}`, stamp: digits }
}

/** The customer writes from /dev/phone; the operator opens the new conversation. */
async function customerStartsChat(qa: Page, operator: Page, phone: string, text: string) {
  await qa.getByTestId('phone-customer-from').fill(phone)
  await qa.getByTestId('phone-customer-body').fill(text)
  await qa.getByTestId('phone-customer-send').click()
  const item = operator.getByTestId('conversation-item').filter({ hasText: text })
  await expect(item).toBeVisible({ timeout: 20_000 })
  await item.click()
  await expect(operator.getByTestId('message-bubble').filter({ hasText: text })).toBeVisible({ timeout: 30_000 })
}

test('a reply typed on the business phone appears in the open ConversationView live, marked as from the phone', async ({ browser }) => {
  const { qa, operator, close } = await phoneAndInbox(browser)
  try {
    const customer = uniqueCustomer()
    await customerStartsChat(qa, operator, customer.phone, `Есть размер 42? ${customer.stamp}`)

    const reply = `Да, есть, пишу с телефона ${customer.stamp}`
    await qa.getByTestId('phone-reply-to').fill(customer.phone)
    await qa.getByTestId('phone-reply-body').fill(reply)
    await qa.getByTestId('phone-reply-send').click()

    const bubble = operator.getByTestId('message-bubble').filter({ hasText: reply })
    await expect(bubble).toBeVisible({ timeout: 20_000 })
    await expect(bubble).toHaveAttribute('data-direction', 'OUTGOING')
    await expect(bubble).toHaveAttribute('data-origin', 'PHONE')
    await expect(bubble.getByTestId('message-from-phone')).toBeVisible()
    await expect(bubble).toHaveCount(1)
  } finally {
    await close()
  }
})

test('a message the customer deletes shows as deleted (struck through, labelled); an edit shows "edited" with the old text', async ({ browser }) => {
  const { qa, operator, close } = await phoneAndInbox(browser)
  try {
    const customer = uniqueCustomer()
    const doomed = `Ой, это не вам ${customer.stamp}`
    await customerStartsChat(qa, operator, customer.phone, doomed)

    await qa.getByTestId('phone-recent-entry').filter({ hasText: doomed }).getByTestId('phone-recent-delete').click()
    const deleted = operator.getByTestId('message-bubble').filter({ hasText: doomed })
    await expect(deleted).toHaveAttribute('data-deleted', 'true', { timeout: 20_000 })
    await expect(deleted.getByTestId('message-deleted-label')).toBeVisible()
    await expect(deleted.getByTestId('message-deleted-content')).toHaveText(doomed)
    await expect(deleted.getByTestId('message-deleted-content')).toHaveCSS('text-decoration-line', 'line-through')

    const original = `Нужно 2 штуки ${customer.stamp}`
    const corrected = `Нужно 3 штуки ${customer.stamp}`
    await qa.getByTestId('phone-customer-body').fill(original)
    await qa.getByTestId('phone-customer-send').click()
    await expect(operator.getByTestId('message-bubble').filter({ hasText: original })).toBeVisible({ timeout: 20_000 })
    const entry = qa.getByTestId('phone-recent-entry').filter({ hasText: original })
    await entry.getByTestId('phone-recent-edit').click()
    await entry.getByTestId('phone-recent-edit-body').fill(corrected)
    await entry.getByTestId('phone-recent-edit-save').click()
    const edited = operator.getByTestId('message-bubble').filter({ hasText: corrected })
    await expect(edited).toHaveAttribute('data-edited', 'true', { timeout: 20_000 })
    await edited.getByTestId('message-edited').locator('summary').click()
    await expect(edited.getByTestId('message-previous-text')).toHaveText(original)
  } finally {
    await close()
  }
})
