/**
 * New chats (issue 13 point 5): an operator starts a chat with a new phone number from the conversations
 * page (at phone width), writes first, and the customer's phone (/dev/phone) receives it; a number that is
 * not on WhatsApp (the simulator's rule: it ends in 0000) is refused in plain words and creates nothing;
 * the client card's "Write" opens the client's conversation with the composer ready.
 */
import { expect, test } from '@playwright/test'
import { ensureConnected, NAV_TIMEOUT, signedIn, trpc, users } from './whatsapp-helpers'

test.describe.configure({ timeout: 180_000 })

/** A Kyrgyz number nobody else uses in this run; `notOnWhatsApp` ends it in 0000. */
function uniqueNumber(options: { notOnWhatsApp?: boolean } = {}) {
  const stamp = String(Date.now()).slice(-6)
  const six = options.notOnWhatsApp ? `${stamp.slice(0, 2)}0000` : stamp.replace(/0000$/, '1234')
  return { local: `0700${six}`, international: `+996 700 ${six.slice(0, 3)} ${six.slice(3)}`, chatId: `996700${six}@c.us`, digits: `996700${six}`, stamp }
}

test('an operator starts a chat with a new phone number at phone width, writes first, and the customer’s phone receives it', async ({ browser }) => {
  const admin = await signedIn(browser, users.admin)
  const operator = await signedIn(browser, users.operator)
  try {
    await ensureConnected(admin.page)
    await admin.page.goto('/dev/phone', { timeout: NAV_TIMEOUT })
    const page = operator.page
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('/conversations', { timeout: NAV_TIMEOUT })

    const number = uniqueNumber()
    await page.getByTestId('new-chat').click()
    const dialog = page.getByTestId('new-chat-dialog')
    await expect(dialog).toBeVisible()
    // Formatted as it is typed; the whole number reads in international form once it is valid.
    await page.getByTestId('new-chat-phone').pressSequentially(number.local.slice(0, 7))
    await expect(page.getByTestId('new-chat-preview')).toContainText(`${number.local.slice(0, 4)} ${number.local.slice(4, 7)}`)
    await page.getByTestId('new-chat-phone').pressSequentially(number.local.slice(7))
    await expect(page.getByTestId('new-chat-preview')).toContainText(number.international)
    const name = `E2E Новый ${number.stamp}`
    await page.getByTestId('new-chat-name').fill(name)
    // The dialog fits the phone's width.
    const box = await dialog.boundingBox()
    expect(box!.width).toBeLessThanOrEqual(390)

    await page.getByTestId('new-chat-submit').click()
    await page.waitForURL(/\/conversations\/[^/?]+\?compose=1$/, { timeout: 30_000 })
    await expect(page.getByTestId('page-title')).toContainText(name, { timeout: 30_000 })
    const composer = page.getByTestId('composer-input')
    await expect(composer).toBeFocused({ timeout: 15_000 })

    const first = `Здравствуйте! Это Soul, вы оставляли заявку. ${number.stamp}`
    await composer.fill(first)
    await composer.press('Enter')
    await expect(page.getByTestId('message-bubble').filter({ hasText: first })).toBeVisible({ timeout: 15_000 })
    await expect(page.getByTestId('send-error')).toHaveCount(0)

    // The customer's phone received it, at that number.
    const entry = admin.page.getByTestId('phone-outbox-entry').filter({ hasText: first })
    await expect(entry).toBeVisible({ timeout: 30_000 })
    await expect(entry).toContainText(number.international)
  } finally {
    await admin.context.close()
    await operator.context.close()
  }
})

test('a number that is not on WhatsApp is refused in plain words, keeps what was typed, and no conversation appears', async ({ browser }) => {
  const admin = await signedIn(browser, users.admin)
  const operator = await signedIn(browser, users.operator)
  try {
    await ensureConnected(admin.page)
    const page = operator.page
    await page.goto('/conversations', { timeout: NAV_TIMEOUT })
    await page.getByTestId('new-chat').click()

    // Not a number: the reason shows before anything is sent.
    await page.getByTestId('new-chat-phone').fill('0555 12')
    await page.getByTestId('new-chat-name').click()
    await expect(page.getByTestId('new-chat-phone-problem')).toHaveText('Номер слишком короткий: не хватает цифры.')
    await expect(page.getByTestId('new-chat-submit')).toBeDisabled()

    const number = uniqueNumber({ notOnWhatsApp: true })
    await page.getByTestId('new-chat-phone').fill(number.local)
    await page.getByTestId('new-chat-name').fill(`E2E Никто ${number.stamp}`)
    await page.getByTestId('new-chat-submit').click()
    const error = page.getByTestId('new-chat-error')
    await expect(error).toHaveText(`Номера ${number.international} нет в WhatsApp. Проверьте номер: ничего не создано.`, { timeout: 30_000 })
    await expect(page.getByTestId('new-chat-phone')).toHaveValue(number.local)
    await expect(page.getByTestId('new-chat-name')).toHaveValue(`E2E Никто ${number.stamp}`)
    await expect(page).toHaveURL(/\/conversations$/)

    // Nothing was created: no client with that number, no conversation in the search.
    const clients = await trpc<{ total: number }>(page, 'query', 'clients.list', { search: number.digits })
    expect(clients.total).toBe(0)
    const hits = await trpc<{ conversations: unknown[] }>(page, 'query', 'conversations.search', { query: number.digits.slice(3) })
    expect(hits.conversations).toHaveLength(0)
  } finally {
    await admin.context.close()
    await operator.context.close()
  }
})

test('“Write” on a client card opens the client’s conversation with the composer ready, the same one every time', async ({ browser }) => {
  const admin = await signedIn(browser, users.admin)
  const operator = await signedIn(browser, users.operator)
  try {
    await ensureConnected(admin.page)
    const page = operator.page
    const number = uniqueNumber()
    // A client started from the API: the card's Write must find its conversation, not make a second one.
    const started = await trpc<{ conversationId: string; clientId: string }>(page, 'mutation', 'conversations.start', {
      phone: number.international,
      name: `E2E Карточка ${number.stamp}`,
    })
    await page.goto(`/clients/${started.clientId}`, { timeout: NAV_TIMEOUT })
    await page.getByTestId('client-write').click()
    await page.waitForURL(`**/conversations/${started.conversationId}?compose=1`, { timeout: 30_000 })
    await expect(page.getByTestId('composer-input')).toBeFocused({ timeout: 15_000 })
  } finally {
    await admin.context.close()
    await operator.context.close()
  }
})
