/**
 * The org admin's dashboard (issue 16 point 3) in the browser: an admin lands on it after signing in (an
 * operator on the inbox, and is sent back there from it); its five charts render (recharts SVG) with
 * Russian labels, legends and dates, then in English; at phone width (390 px) nothing overflows the screen.
 * Sorts after "foundation" (it connects the demo organization's simulated WhatsApp, so the uptime strip
 * has a connected hour). The seed's messages of the last hour give the message, response and delivery charts data.
 */
import { expect, test, type Page } from '@playwright/test'
import { ensureConnected, LANDING_URL, NAV_TIMEOUT, signIn, users } from './whatsapp-helpers'

test.describe.configure({ timeout: 240_000 })

/** Today in the demo organization's time zone as the delivery chart's axis writes it. */
function todayTick(locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Bishkek', day: 'numeric', month: 'short' }).format(new Date())
}

async function expectChartsRendered(page: Page) {
  for (const chart of ['messages-chart', 'first-response-chart', 'delivery-chart', 'uptime-strip']) {
    await expect(page.getByTestId(chart).locator('svg.recharts-surface').first()).toBeVisible({ timeout: 30_000 })
  }
  await expect(page.getByTestId('quota-gauges').locator('svg.recharts-surface')).toHaveCount(3)
  // Bars and the line are drawn from data, not only axes.
  await expect(page.getByTestId('messages-chart').locator('.recharts-bar-rectangle').first()).toBeAttached()
  await expect(page.getByTestId('delivery-chart').locator('.recharts-bar-rectangle').first()).toBeAttached()
  await expect(page.getByTestId('first-response-chart').locator('.recharts-line-curve, .recharts-line-dot').first()).toBeAttached()
}

/** A chart's legend entries, sorted (recharts does not promise their order). */
async function legendOf(page: Page, chart: string): Promise<string[]> {
  return (await page.getByTestId(chart).locator('.recharts-legend-item-text').allTextContents()).toSorted()
}

const sorted = (labels: string[]) => labels.toSorted()

test('an admin lands on the dashboard: five charts with Russian, then English labels; usable at 390 px', async ({ page }) => {
  await signIn(page, users.admin, { stayOnLanding: true })
  await expect(page).toHaveURL(/\/dashboard$/)
  await ensureConnected(page)
  await page.reload({ timeout: NAV_TIMEOUT })

  await expect(page.getByTestId('page-title')).toHaveText('Обзор')
  await expect(page.getByTestId('nav-dashboard')).toHaveAttribute('aria-current', 'page')
  await expectChartsRendered(page)
  expect(await legendOf(page, 'messages-chart')).toEqual(sorted(['Входящие', 'Исходящие']))
  expect(await legendOf(page, 'delivery-chart')).toEqual(sorted(['Прочитано', 'Доставлено', 'Отправлено, без отчёта', 'Ошибка']))
  expect(await legendOf(page, 'first-response-chart')).toEqual(['Медиана'])
  await expect(page.getByTestId('uptime-legend')).toContainText('Подключено')
  await expect(page.getByTestId('uptime-share')).toContainText(/В сети \d/)
  await expect(page.getByTestId('quota-gauge-day')).toContainText('Сутки')
  await expect(page.getByTestId('dashboard-time-zone')).toContainText('Asia/Bishkek')
  await expect(page.getByTestId('dashboard-first-response')).toContainText('Ожидание начинается с сообщения клиента')
  await expect(page.getByTestId('delivery-chart').locator('.recharts-cartesian-axis-tick-value', { hasText: todayTick('ru') })).toHaveCount(1)

  await page.screenshot({ path: test.info().outputPath('dashboard-ru-desktop.png'), fullPage: true })

  try {
    await page.getByTestId('locale-switcher').selectOption('en')
    await expect(page.getByTestId('page-title')).toHaveText('Dashboard', { timeout: 30_000 })
    await expectChartsRendered(page)
    expect(await legendOf(page, 'messages-chart')).toEqual(sorted(['Incoming', 'Outgoing']))
    expect(await legendOf(page, 'delivery-chart')).toEqual(sorted(['Read', 'Delivered', 'Sent, no receipt', 'Failed']))
    await expect(page.getByTestId('uptime-legend')).toContainText('Connected')
    await expect(page.getByTestId('uptime-share')).toContainText(/Online \d/)
    await expect(page.getByTestId('quota-gauge-minute')).toContainText('Minute')
    await expect(page.getByTestId('delivery-chart').locator('.recharts-cartesian-axis-tick-value', { hasText: todayTick('en') })).toHaveCount(1)
  } finally {
    await page.getByTestId('locale-switcher').selectOption('ru')
    await expect(page.getByTestId('page-title')).toHaveText('Обзор', { timeout: 30_000 })
  }

  // A phone: one column, every chart inside the screen, nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.reload({ timeout: NAV_TIMEOUT })
  await expectChartsRendered(page)
  const overflow = await page.evaluate(() => {
    const main = document.querySelector('main')!
    return { page: document.documentElement.scrollWidth, main: main.scrollWidth - main.clientWidth }
  })
  expect(overflow.page).toBeLessThanOrEqual(390)
  expect(overflow.main).toBeLessThanOrEqual(0)
  for (const chart of ['messages-chart', 'first-response-chart', 'delivery-chart', 'uptime-strip', 'quota-gauges']) {
    const box = (await page.getByTestId(chart).boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(390)
    expect(box.width).toBeGreaterThan(250)
  }
  await page.screenshot({ path: test.info().outputPath('dashboard-ru-390.png'), fullPage: true })
})

test('an operator lands on the inbox and is sent back there from the dashboard', async ({ page }) => {
  await signIn(page, users.operator, { stayOnLanding: true })
  await expect(page).toHaveURL(/\/conversations$/)
  expect(page.url()).toMatch(LANDING_URL)
  await expect(page.getByTestId('nav-conversations')).toBeVisible()
  await expect(page.getByTestId('nav-dashboard')).toHaveCount(0)
  await page.goto('/dashboard', { timeout: NAV_TIMEOUT })
  await expect(page).toHaveURL(/\/conversations$/)
})
