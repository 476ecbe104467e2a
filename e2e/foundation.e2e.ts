/**
 * The foundation flows: signing in and out, the language switch (saved on the user), route
 * protection, the clients list with its filters, the conversation thread, and the phone layout.
 * Every test starts with fresh cookies; the one that changes a user's language puts it back.
 * It counts the seed's clients and conversations exactly, so it runs first on the freshly seeded
 * database (files run in name order, one worker): a flow that adds data must sort after "foundation".
 */
import { expect, test, type Page } from '@playwright/test'

const admin = { email: 'admin@demo.soul.kg', password: 'demo-admin-2026' }
const operator = { email: 'operator@demo.soul.kg', password: 'demo-operator-2026' }

// Development mode compiles each page on its first visit: be patient with navigations.
const NAV_TIMEOUT = 120_000
test.describe.configure({ timeout: 240_000 })

async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto('/sign-in', { timeout: NAV_TIMEOUT })
  await page.getByTestId('email').fill(user.email)
  await page.getByTestId('password').fill(user.password)
  await page.getByTestId('sign-in-submit').click()
  // Admins land on the dashboard, operators on the inbox; these flows start from the inbox.
  await page.waitForURL(/\/(dashboard|conversations)$/, { timeout: NAV_TIMEOUT })
  if (!page.url().endsWith('/conversations')) await page.goto('/conversations', { timeout: NAV_TIMEOUT })
}

async function expectNav(page: Page, labels: { conversations: string; clients: string; whatsapp: string; quickReplies: string; import: string }) {
  await expect(page.getByTestId('nav-conversations')).toHaveText(labels.conversations, { timeout: 30_000 })
  await expect(page.getByTestId('nav-clients')).toHaveText(labels.clients)
  await expect(page.getByTestId('nav-settings-whatsapp')).toHaveText(labels.whatsapp)
  await expect(page.getByTestId('nav-settings-quick-replies')).toHaveText(labels.quickReplies)
  await expect(page.getByTestId('nav-settings-import')).toHaveText(labels.import)
}

const russianNav = { conversations: 'Диалоги', clients: 'Клиенты', whatsapp: 'WhatsApp', quickReplies: 'Быстрые ответы', import: 'Импорт' }
const englishNav = { conversations: 'Conversations', clients: 'Clients', whatsapp: 'WhatsApp', quickReplies: 'Quick replies', import: 'Import' }
const kyrgyzNav = { conversations: 'Маектер', clients: 'Кардарлар', whatsapp: 'WhatsApp', quickReplies: 'Тез жооптор', import: 'Импорт' }

test('admin signs in in Russian, switches to English and Kyrgyz, and the choice is kept', async ({ page, browser }) => {
  await signIn(page, admin)
  await expect(page.getByTestId('page-title')).toHaveText('Диалоги')
  await expectNav(page, russianNav)
  await expect(page.getByTestId('organization-name')).toContainText('Soul Demo')
  await expect(page.getByTestId('sign-out')).toContainText('Выйти')

  try {
    await page.getByTestId('locale-switcher').selectOption('en')
    await expectNav(page, englishNav)
    await expect(page.getByTestId('page-title')).toHaveText('Conversations')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')

    await page.getByTestId('locale-switcher').selectOption('ky')
    await expectNav(page, kyrgyzNav)
    await expect(page.getByTestId('sign-out')).toContainText('Чыгуу')

    await page.reload({ timeout: NAV_TIMEOUT })
    await expectNav(page, kyrgyzNav)
    await expect(page.getByTestId('locale-switcher')).toHaveValue('ky')

    // Saved on the account, not only in this browser: a fresh browser gets it after signing in.
    const other = await browser.newContext()
    const otherPage = await other.newPage()
    await signIn(otherPage, admin)
    await expectNav(otherPage, kyrgyzNav)
    await other.close()
  } finally {
    // Put the admin back to Russian so other tests (and reruns) start from the default.
    await page.goto('/conversations', { timeout: NAV_TIMEOUT })
    await page.getByTestId('locale-switcher').selectOption('ru')
    await expectNav(page, russianNav)
  }
  await page.reload({ timeout: NAV_TIMEOUT })
  await expectNav(page, russianNav)
})

test('a wrong password shows a localized error', async ({ page }) => {
  await page.goto('/sign-in', { timeout: NAV_TIMEOUT })
  await expect(page.getByTestId('page-title')).toHaveText('Вход в Soul CRM')
  await page.getByTestId('email').fill(admin.email)
  await page.getByTestId('password').fill('not-the-password')
  await page.getByTestId('sign-in-submit').click()
  await expect(page.getByTestId('sign-in-error')).toHaveText('Неверный email или пароль.', { timeout: 30_000 })
  await expect(page).toHaveURL(/\/sign-in/)
  await expect(page.getByTestId('email')).toHaveValue(admin.email)

  // Signed out, the language lives in a cookie.
  await page.getByTestId('locale-switcher').selectOption('en')
  await expect(page.getByTestId('sign-in-submit')).toHaveText('Sign in', { timeout: 30_000 })
  await page.getByTestId('password').fill('still-wrong')
  await page.getByTestId('sign-in-submit').click()
  await expect(page.getByTestId('sign-in-error')).toHaveText('Wrong email or password.', { timeout: 30_000 })
})

test('signed-out visitors are sent to the sign-in page', async ({ page }) => {
  for (const path of ['/clients', '/conversations', '/settings/whatsapp', '/settings/quick-replies']) {
    await page.goto(path, { timeout: NAV_TIMEOUT })
    await expect(page).toHaveURL(/\/sign-in$/)
  }
  await expect(page.getByTestId('sign-in-submit')).toBeVisible()
})

test('operator browses clients, filters them and opens one', async ({ page }) => {
  await signIn(page, operator)
  await page.getByTestId('nav-clients').click()
  await expect(page).toHaveURL(/\/clients$/, { timeout: NAV_TIMEOUT })
  await expect(page.getByTestId('page-title')).toHaveText('Клиенты')
  await expect(page.getByTestId('client-row')).toHaveCount(8, { timeout: 30_000 })

  await page.getByTestId('clients-status-filter').selectOption('CUSTOMER')
  await expect(page).toHaveURL(/status=CUSTOMER/)
  await expect(page.getByTestId('client-row')).toHaveCount(1)
  await expect(page.getByTestId('client-row')).toContainText('Elena Petrova')
  await expect(page.getByTestId('client-row').getByTestId('client-status')).toHaveText('Покупатель')

  // The filter lives in the URL: a reload keeps it.
  await page.reload({ timeout: NAV_TIMEOUT })
  await expect(page.getByTestId('clients-status-filter')).toHaveValue('CUSTOMER')
  await expect(page.getByTestId('client-row')).toHaveCount(1)

  await page.getByTestId('clients-status-filter').selectOption('')
  await page.getByTestId('clients-language-filter').selectOption('ky')
  await expect(page).toHaveURL(/language=ky/)
  await expect(page.getByTestId('client-row')).toHaveCount(3)

  await page.getByTestId('clients-language-filter').selectOption('')
  await page.getByTestId('clients-search').fill('Нургуль')
  await expect(page).toHaveURL(/q=/)
  await expect(page.getByTestId('client-row')).toHaveCount(1)

  await page.getByTestId('clients-search').fill('nobody-like-this')
  await expect(page.getByTestId('clients-empty')).toBeVisible()

  await page.getByTestId('clients-search').fill('')
  await expect(page.getByTestId('client-row')).toHaveCount(8)
  await page.getByTestId('client-row').filter({ hasText: 'Elena Petrova' }).click()
  await expect(page).toHaveURL(/\/clients\/[^/]+$/, { timeout: NAV_TIMEOUT })
  await expect(page.getByTestId('page-title')).toHaveText('Elena Petrova')
  await expect(page.getByTestId('client-card')).toContainText('+996 772 111 222')
  await expect(page.getByTestId('client-card').getByTestId('client-status')).toHaveText('Покупатель')
  await expect(page.getByTestId('message-bubble')).toHaveCount(3, { timeout: 30_000 })
  await expect(page.getByTestId('message-bubble').filter({ hasText: 'Hello Elena' })).toHaveAttribute('data-direction', 'OUTGOING')
})

test('conversations are listed newest first and open into a thread', async ({ page }) => {
  await signIn(page, operator)
  await expect(page.getByTestId('conversation-item')).toHaveCount(6, { timeout: 30_000 })
  await expect(page.getByTestId('conversation-item').first()).toContainText('Нургуль Садыкова')
  await expect(page.getByTestId('conversation-item').first()).toContainText('Спасибо, а завтра можно?')

  await page.getByTestId('conversation-item').first().click()
  await expect(page).toHaveURL(/\/conversations\/[^/]+$/, { timeout: NAV_TIMEOUT })
  await expect(page.getByTestId('page-title')).toHaveText('Нургуль Садыкова')
  const thread = page.getByTestId('message-thread')
  await expect(thread.getByTestId('message-bubble')).toHaveCount(3, { timeout: 30_000 })
  const outgoing = thread.locator('[data-testid="message-bubble"][data-direction="OUTGOING"]')
  await expect(outgoing).toHaveCount(1)
  await expect(outgoing.getByTestId('message-status')).toHaveAttribute('data-status', 'READ')
  await expect(outgoing.getByTestId('message-status')).toHaveAttribute('aria-label', 'Прочитано')
  // Both panes on a wide screen.
  await expect(page.getByTestId('conversation-list')).toBeVisible()
})

test('on a phone the menu button opens the navigation', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } })
  const page = await context.newPage()
  await signIn(page, operator)
  await expect(page.getByTestId('nav-clients')).toBeHidden()
  await page.getByTestId('nav-toggle').click()
  await expect(page.getByTestId('nav-clients')).toBeVisible()
  await expect(page.getByTestId('nav-settings-import')).toBeVisible()
  await page.getByTestId('nav-clients').click()
  await expect(page).toHaveURL(/\/clients$/, { timeout: NAV_TIMEOUT })
  await expect(page.getByTestId('nav-clients')).toBeHidden()
  await expect(page.getByTestId('client-row').first()).toBeVisible({ timeout: 30_000 })

  // One pane at a time: the list, then the thread with a way back.
  await page.goto('/conversations', { timeout: NAV_TIMEOUT })
  await page.getByTestId('conversation-item').first().click()
  await expect(page.getByTestId('message-thread')).toBeVisible({ timeout: NAV_TIMEOUT })
  await expect(page.getByTestId('conversation-list')).toBeHidden()
  await page.getByTestId('conversation-back').click()
  await expect(page.getByTestId('conversation-list')).toBeVisible({ timeout: NAV_TIMEOUT })
  await expect(page.getByTestId('message-thread')).toBeHidden()

  await page.getByTestId('sign-out').click()
  await expect(page).toHaveURL(/\/sign-in$/, { timeout: NAV_TIMEOUT })
  await context.close()
})
