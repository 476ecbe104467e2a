/**
 * Unread and waiting for reply (issue 13 points 1 and 7), live, over the simulator: a customer writes
 * from /dev/phone and, without a reload, the operator's navigation (and tab title) count one more
 * conversation waiting and the row shows one unread; opening the chat clears the unread and the
 * customer's phone shows blue ticks; the reply ends the wait. The same badge is in the top bar at phone
 * width, and the notifications switch is saved on the user.
 */
import { expect, test, type Page } from '@playwright/test'
import { customerWrites, NAV_TIMEOUT, phoneAndInbox } from './whatsapp-helpers'

test.describe.configure({ timeout: 240_000 })

function uniqueCustomer() {
  const digits = String(Date.now()).slice(-6)
  return { phone: `+996 702 ${digits.slice(0, 3)} ${digits.slice(3)}`, stamp: digits }
}

/** The waiting count the page shows in `testId` (0 when the badge is absent). */
async function waitingCount(page: Page, testId: string): Promise<number> {
  const badge = page.getByTestId(testId)
  if ((await badge.count()) === 0) return 0
  return Number(await badge.textContent())
}

/** Reloads and waits for the counts to arrive (a badge, or none when nothing waits). */
async function countsLoaded(page: Page) {
  await Promise.all([
    page.waitForResponse((response) => response.url().includes('conversations.inboxCounts') && response.ok()),
    page.reload({ timeout: NAV_TIMEOUT }),
  ])
  await expect(page.getByTestId('conversation-list')).toBeVisible({ timeout: 30_000 })
}

test('the waiting badge updates live; opening the chat clears unread and sends blue ticks; the reply ends the wait', async ({ browser }) => {
  const { qa, operator, close } = await phoneAndInbox(browser)
  try {
    await countsLoaded(operator)
    const before = await waitingCount(operator, 'nav-waiting-count')

    const customer = uniqueCustomer()
    const text = `Здравствуйте, есть доставка? ${customer.stamp}`
    await customerWrites(qa, customer, text)

    // No reload: the navigation and the tab title count one more waiting conversation.
    await expect.poll(() => waitingCount(operator, 'nav-waiting-count'), { timeout: 20_000 }).toBe(before + 1)
    await expect(operator).toHaveTitle(new RegExp(`^\\(${before + 1}\\) `))
    const item = operator.getByTestId('conversation-item').filter({ hasText: text })
    await expect(item.getByTestId('unread-count')).toHaveText('1')
    await expect(item.getByTestId('waiting-time')).toHaveAttribute('data-level', 'fresh')

    // A second message: two unread, still one waiting conversation.
    const second = `И сколько стоит? ${customer.stamp}`
    await customerWrites(qa, customer, second)
    const item2 = operator.getByTestId('conversation-item').filter({ hasText: second })
    await expect(item2.getByTestId('unread-count')).toHaveText('2', { timeout: 20_000 })
    expect(await waitingCount(operator, 'nav-waiting-count')).toBe(before + 1)
    const seenMark = qa.getByTestId('phone-recent-entry').filter({ hasText: second }).getByTestId('phone-recent-seen')
    await expect(seenMark).toHaveAttribute('data-seen', 'false')

    // Opening the chat reads it: the unread badge goes, and the customer's phone shows blue ticks.
    await item2.click()
    await expect(operator.getByTestId('message-bubble').filter({ hasText: second })).toBeVisible({ timeout: 30_000 })
    await expect(operator.getByTestId('conversation-item').filter({ hasText: second }).getByTestId('unread-count')).toHaveCount(0, { timeout: 20_000 })
    await expect(seenMark).toHaveAttribute('data-seen', 'true', { timeout: 20_000 })
    // Read is not answered: still waiting.
    expect(await waitingCount(operator, 'nav-waiting-count')).toBe(before + 1)

    // The reply ends the wait.
    await operator.getByTestId('composer-input').fill(`Да, доставим сегодня ${customer.stamp}`)
    await operator.getByTestId('composer-send').click()
    await expect.poll(() => waitingCount(operator, 'nav-waiting-count'), { timeout: 20_000 }).toBe(before)
    await expect(operator.getByTestId('conversation-item').filter({ hasText: customer.stamp }).getByTestId('waiting-time')).toHaveCount(0)
  } finally {
    await close()
  }
})

test('at phone width the waiting count is in the top bar and updates live; the notifications switch is saved', async ({ browser }) => {
  const { qa, operator, close } = await phoneAndInbox(browser)
  try {
    await operator.setViewportSize({ width: 390, height: 844 })
    await countsLoaded(operator)
    const before = await waitingCount(operator, 'header-waiting-count')
    const customer = uniqueCustomer()
    await customerWrites(qa, customer, `Салам, суроо бар ${customer.stamp}`)
    await expect.poll(() => waitingCount(operator, 'header-waiting-count'), { timeout: 20_000 }).toBe(before + 1)
    await expect(operator.getByTestId('header-waiting-count')).toBeVisible()

    const toggle = operator.getByTestId('notifications-toggle')
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await operator.reload({ timeout: NAV_TIMEOUT })
    await expect(operator.getByTestId('notifications-toggle')).toHaveAttribute('aria-pressed', 'false')
    await operator.getByTestId('notifications-toggle').click()
    await expect(operator.getByTestId('notifications-toggle')).toHaveAttribute('aria-pressed', 'true')
  } finally {
    await close()
  }
})

test('a first visit follows the browser’s Accept-Language (ky, en), and Russian for anything else', async ({ browser }) => {
  for (const [locale, lang] of [
    ['ky-KG', 'ky'],
    ['en-GB', 'en'],
    ['de-DE', 'ru'],
  ] as const) {
    // A fresh context: no cookie, nobody signed in.
    const context = await browser.newContext({ locale })
    try {
      const page = await context.newPage()
      await page.goto('/sign-in', { timeout: NAV_TIMEOUT })
      await expect(page.locator('html')).toHaveAttribute('lang', lang)
    } finally {
      await context.close()
    }
  }
  // The cookie (the language switcher's choice) outranks the browser.
  const context = await browser.newContext({ locale: 'ky-KG' })
  try {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: test.info().project.use.baseURL! }])
    const page = await context.newPage()
    await page.goto('/sign-in', { timeout: NAV_TIMEOUT })
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  } finally {
    await context.close()
  }
})
