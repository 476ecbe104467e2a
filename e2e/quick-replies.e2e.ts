/**
 * Quick replies (issue 13 point 4): an admin saves a reply in the settings; an operator types `/` in a
 * conversation with a customer who writes Kyrgyz, filters, picks with the keyboard (the Kyrgyz reply
 * first), edits the inserted text with `{name}` filled, sends it, and the customer's phone (/dev/phone)
 * receives it. At phone width (390 px): the admin adds, edits and deletes (with a confirmation), and the
 * picker fits the screen and picks by tap.
 */
import { expect, test, type Page } from '@playwright/test'
import { NAV_TIMEOUT, customerWrites, ensureConnected, signedIn, trpc, users } from './whatsapp-helpers'

test.describe.configure({ timeout: 240_000 })

const PHONE_VIEWPORT = { width: 390, height: 844 }

interface ConversationRow {
  id: string
  client: { phone: string | null }
}

function uniqueRun() {
  const digits = String(Date.now()).slice(-6)
  // A shortcut nobody else has: the run's digits spelled in Latin letters.
  const word = [...digits].map((d) => 'abcdefghij'[Number(d)]).join('')
  return { digits, word, phone: `+996 703 ${digits.slice(0, 3)} ${digits.slice(3)}`, e164: `+996703${digits}` }
}

/** The customer's conversation, once their message is stored and their language detected. */
async function conversationOf(page: Page, digits: string, e164: string, language: string): Promise<string> {
  let id = ''
  await expect(async () => {
    const list = await trpc<{ items: ConversationRow[] }>(page, 'query', 'conversations.list', { search: digits, page: 1 })
    id = list.items.find((c) => c.client.phone === e164)?.id ?? ''
    expect(id).not.toBe('')
    const conversation = await trpc<{ client: { preferredLanguage: string | null } }>(page, 'query', 'conversations.byId', { conversationId: id })
    expect(conversation.client.preferredLanguage).toBe(language)
  }).toPass({ timeout: 60_000 })
  return id
}

async function noHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

test('a `/` quick reply: saved by the admin, picked by keyboard in the client’s language, received by the phone', async ({ browser }) => {
  const admin = await signedIn(browser, users.admin)
  const operator = await signedIn(browser, users.operator)
  try {
    const run = uniqueRun()
    const shortcut = `q${run.word}`

    // The admin saves the Kyrgyz reply in the settings.
    await admin.page.goto('/settings/quick-replies', { timeout: NAV_TIMEOUT })
    await admin.page.getByTestId('quick-reply-add').click()
    await admin.page.getByTestId('quick-reply-shortcut').fill(`/${shortcut.toUpperCase()}`)
    await admin.page.getByTestId('quick-reply-language').selectOption('ky')
    await admin.page.getByTestId('quick-reply-text').fill(`{name}, көйнөктүн баасы ${run.digits} сом.`)
    await admin.page.getByTestId('quick-reply-save').click()
    const saved = admin.page.locator(`[data-testid="quick-reply-item"][data-shortcut="${shortcut}"]`)
    await expect(saved).toBeVisible({ timeout: 15_000 })
    await expect(saved).toContainText('Кыргызский')
    // The same shortcut again in Kyrgyz is refused with the reason, and what was typed stays.
    await admin.page.getByTestId('quick-reply-add').click()
    await admin.page.getByTestId('quick-reply-shortcut').fill(shortcut)
    await admin.page.getByTestId('quick-reply-language').selectOption('ky')
    await admin.page.getByTestId('quick-reply-text').fill('Дубликат')
    await admin.page.getByTestId('quick-reply-save').click()
    await expect(admin.page.getByTestId('quick-reply-error')).toContainText(`/${shortcut}`)
    await expect(admin.page.getByTestId('quick-reply-text')).toHaveValue('Дубликат')
    // A Russian one and one for any language, with the same beginning (through the API: the form is shown above).
    await trpc(admin.page, 'mutation', 'quickReplies.create', { shortcut, text: `{name}, цена платья ${run.digits} сом.`, language: 'ru' })
    await trpc(admin.page, 'mutation', 'quickReplies.create', { shortcut: `${shortcut}-addr`, text: 'Бишкек, Токтогула 125', language: null })

    // A customer writes in Kyrgyz from the phone.
    await ensureConnected(admin.page)
    const phone = await admin.context.newPage()
    await phone.goto('/dev/phone', { timeout: NAV_TIMEOUT })
    await customerWrites(phone, { phone: run.phone, name: 'Айгерим' }, `Саламатсызбы! Көйнөктүн баасы канча? Рахмат ${run.digits}`)
    const conversationId = await conversationOf(operator.page, run.digits, run.e164, 'ky')

    // The operator types `/`: the picker opens; the whole shortcut leaves the three replies, the Kyrgyz one
    // first, then the one for any language, then the Russian one (labelled with its language).
    await operator.page.goto(`/conversations/${conversationId}`, { timeout: NAV_TIMEOUT })
    const input = operator.page.getByTestId('composer-input')
    await input.click()
    await input.pressSequentially('/')
    const picker = operator.page.getByTestId('quick-reply-picker')
    await expect(picker).toBeVisible({ timeout: 15_000 })
    await input.pressSequentially(shortcut)
    const options = picker.getByRole('option')
    await expect(options).toHaveCount(3)
    await expect(options.nth(0)).toHaveAttribute('data-language', 'ky')
    await expect(options.nth(1)).toHaveAttribute('data-language', '')
    await expect(options.nth(2)).toHaveAttribute('data-language', 'ru')
    await expect(options.nth(2)).toContainText('Русский')
    // Typing further narrows it; deleting widens it again.
    await input.pressSequentially('-')
    await expect(options).toHaveCount(1)
    await input.press('Backspace')
    await expect(options).toHaveCount(3)
    // Escape closes it.
    await input.press('Escape')
    await expect(picker).toBeHidden()
    // Filtering by the text: the run's number is in the Kyrgyz and the Russian texts only.
    await input.fill('')
    await input.pressSequentially(`/${run.digits}`)
    await expect(options).toHaveCount(2)
    await expect(options.nth(0)).toHaveAttribute('data-language', 'ky')
    await input.fill('')

    // The keyboard: down twice, up once, back to the first, Enter picks it.
    await input.pressSequentially(`/${shortcut}`)
    await expect(options).toHaveCount(3)
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true')
    await input.press('ArrowDown')
    await input.press('ArrowDown')
    await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true')
    await expect(input).toHaveAttribute('aria-activedescendant', (await options.nth(2).getAttribute('id'))!)
    await input.press('ArrowUp')
    await input.press('ArrowUp')
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true')
    await input.press('Enter')
    await expect(picker).toBeHidden()
    const personalized = `Айгерим, көйнөктүн баасы ${run.digits} сом.`
    await expect(input).toHaveValue(personalized)

    // The operator edits it, then sends; the customer's phone receives exactly that.
    await input.press('End')
    await input.pressSequentially(' Жеткирүү акысыз.')
    const sent = `${personalized} Жеткирүү акысыз.`
    await expect(input).toHaveValue(sent)
    await input.press('Enter')
    await expect(input).toHaveValue('')
    await expect(operator.page.getByTestId('message-bubble').filter({ hasText: sent })).toBeVisible({ timeout: 15_000 })
    await expect(phone.getByTestId('phone-customer-chat')).toContainText(sent, { timeout: 30_000 })
  } finally {
    await admin.context.close()
    await operator.context.close()
  }
})

test('quick replies at phone width: the admin adds, edits and deletes; the picker fits and picks by tap', async ({ browser }) => {
  const admin = await signedIn(browser, users.admin)
  const operator = await signedIn(browser, users.operator)
  try {
    const run = uniqueRun()
    const shortcut = `m${run.word}`
    await admin.page.setViewportSize(PHONE_VIEWPORT)
    await operator.page.setViewportSize(PHONE_VIEWPORT)

    // Add, edit and delete with a confirmation, at 390 px.
    await admin.page.goto('/settings/quick-replies', { timeout: NAV_TIMEOUT })
    await admin.page.getByTestId('quick-reply-add').click()
    await admin.page.getByTestId('quick-reply-shortcut').fill(shortcut)
    await admin.page.getByTestId('quick-reply-text').fill(`Здравствуйте, {name}! Номер ${run.digits}.`)
    await noHorizontalOverflow(admin.page)
    await admin.page.getByTestId('quick-reply-save').click()
    const item = admin.page.locator(`[data-testid="quick-reply-item"][data-shortcut="${shortcut}"]`)
    await expect(item).toBeVisible({ timeout: 15_000 })
    await expect(item).toContainText('Любой язык')
    await item.getByTestId('quick-reply-edit').click()
    await admin.page.getByTestId('quick-reply-language').selectOption('ru')
    await admin.page.getByTestId('quick-reply-save').click()
    await expect(item).toContainText('Русский')
    await noHorizontalOverflow(admin.page)

    const doomed = `${shortcut}-old`
    await trpc(admin.page, 'mutation', 'quickReplies.create', { shortcut: doomed, text: 'Устаревший ответ', language: null })
    await admin.page.reload()
    const doomedItem = admin.page.locator(`[data-testid="quick-reply-item"][data-shortcut="${doomed}"]`)
    await doomedItem.getByTestId('quick-reply-delete').click()
    await expect(admin.page.getByTestId('confirm-dialog')).toBeVisible()
    await admin.page.getByTestId('quick-reply-delete-confirm').click()
    await expect(doomedItem).toHaveCount(0, { timeout: 15_000 })
    await expect(item).toBeVisible()

    // A Russian-writing customer; the operator's picker at 390 px.
    await ensureConnected(admin.page)
    const phone = await admin.context.newPage()
    await phone.goto('/dev/phone', { timeout: NAV_TIMEOUT })
    await customerWrites(phone, { phone: run.phone, name: 'Нурлан' }, `Здравствуйте, подскажите, пожалуйста, цену доставки ${run.digits}`)
    const conversationId = await conversationOf(operator.page, run.digits, run.e164, 'ru')
    await operator.page.goto(`/conversations/${conversationId}`, { timeout: NAV_TIMEOUT })
    const input = operator.page.getByTestId('composer-input')
    await input.click()
    await input.pressSequentially(`Добрый день! /${shortcut}`)
    const picker = operator.page.getByTestId('quick-reply-picker')
    await expect(picker).toBeVisible({ timeout: 15_000 })
    const box = (await picker.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE_VIEWPORT.width)
    expect(box.y).toBeGreaterThanOrEqual(0)
    await noHorizontalOverflow(operator.page)

    await picker
      .getByRole('option')
      .filter({ hasText: `/${shortcut}` })
      .click()
    await expect(picker).toBeHidden()
    await expect(input).toHaveValue(`Добрый день! Здравствуйте, Нурлан! Номер ${run.digits}.`)
    await expect(input).toBeFocused()
  } finally {
    await admin.context.close()
    await operator.context.close()
  }
})
