/**
 * Shared steps for the WhatsApp flows (whatsapp-connection.e2e.ts, messaging.e2e.ts): signing in,
 * calling the tRPC API with a browser context's cookies, and getting the demo organization's
 * simulated WhatsApp connected or disconnected.
 */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test'

export const users = {
  admin: { email: 'admin@demo.soul.kg', password: 'demo-admin-2026' },
  operator: { email: 'operator@demo.soul.kg', password: 'demo-operator-2026' },
  otherAdmin: { email: 'admin@other.soul.kg', password: 'other-admin-2026' },
  otherOperator: { email: 'operator@other.soul.kg', password: 'other-operator-2026' },
} as const

export type User = (typeof users)[keyof typeof users]

/** Development mode compiles each page on its first visit: be patient with navigations. */
export const NAV_TIMEOUT = 120_000

/** Where sign-in lands: the dashboard for admins, the inbox for operators (src/features/shell/landing-path.ts). */
export const LANDING_URL = /\/(dashboard|conversations)$/

/**
 * Signs in through the form and waits for the landing page. The flows start from the inbox, so an
 * admin (who lands on the dashboard) is taken there, unless `stayOnLanding` is set.
 */
export async function signIn(page: Page, user: { email: string; password: string }, { stayOnLanding = false } = {}) {
  await page.goto('/sign-in', { timeout: NAV_TIMEOUT })
  await page.getByTestId('email').fill(user.email)
  await page.getByTestId('password').fill(user.password)
  await page.getByTestId('sign-in-submit').click()
  await page.waitForURL(LANDING_URL, { timeout: NAV_TIMEOUT })
  if (!stayOnLanding && !page.url().endsWith('/conversations')) await page.goto('/conversations', { timeout: NAV_TIMEOUT })
}

/**
 * The cookies of each user's last form sign-in in this test worker. Signing in through the form costs
 * the password hash (about a second by design, issue 11) and two page loads; flows that only need a
 * signed-in user start from these cookies instead. The sign-in form itself is tested by
 * foundation.e2e.ts and security-auth.e2e.ts, which call `signIn`.
 */
const savedSignIns = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>()

/**
 * A fresh browser context (its own cookie jar) signed in as `user`, on the inbox. It reuses the user's
 * last sign-in when the server still accepts it; a revoked or expired one (a flow signed out, or a user
 * was changed) sends the page to /sign-in, and the form is used again.
 */
export async function signedIn(browser: Browser, user: User): Promise<{ context: BrowserContext; page: Page }> {
  const saved = savedSignIns.get(user.email)
  if (saved) {
    const context = await browser.newContext({ storageState: saved })
    const page = await context.newPage()
    await page.goto('/conversations', { timeout: NAV_TIMEOUT })
    if (page.url().endsWith('/conversations')) return { context, page }
    await context.close()
    savedSignIns.delete(user.email)
  }
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, user)
  savedSignIns.set(user.email, await context.storageState())
  return { context, page }
}

/** Calls a tRPC procedure over HTTP as the page's user (superjson envelope); returns the data or throws with the status. */
export async function trpc<T = unknown>(page: Page, kind: 'query' | 'mutation', path: string, input?: unknown): Promise<T> {
  const body = input === undefined ? undefined : JSON.stringify({ json: input })
  const response =
    kind === 'query'
      ? await page.request.get(`/api/trpc/${path}${body ? `?input=${encodeURIComponent(body)}` : ''}`)
      : await page.request.post(`/api/trpc/${path}`, { data: body ?? '{}', headers: { 'content-type': 'application/json' } })
  const payload = (await response.json()) as { result?: { data: { json: T } }; error?: { json: { message: string } } }
  if (!response.ok() || !payload.result) throw new Error(`${path} → ${response.status()}: ${payload.error?.json.message ?? 'no result'}`)
  return payload.result.data.json
}

export interface WhatsAppSettings {
  rateLimiting: { messagesPerMinute: number; messagesPerHour: number; messagesPerDay: number; concurrency: number }
  safety: { enableMassSending: boolean; requireConfirmation: boolean; maxBatchSize: number }
  timeZone: string
  quietHours: { enabled: boolean; start: string; end: string }
  warmUp: { enabled: boolean; newSince?: string | null; markNew?: boolean }
  /** The sending governor's rule (src/shared/whatsapp-settings.ts). */
  governor?: Record<string, number>
}

/**
 * The settings with quiet hours and warm-up off: flows that send bulks run at any hour, on a number the
 * simulator linked minutes ago (send-clock.e2e.ts turns them on).
 */
export function sendClockOff(settings: WhatsAppSettings): WhatsAppSettings {
  return { ...settings, quietHours: { ...settings.quietHours, enabled: false }, warmUp: { enabled: false } }
}

export async function readSettings(page: Page): Promise<WhatsAppSettings> {
  return (await trpc<{ settings: WhatsAppSettings }>(page, 'query', 'whatsapp.settings.get')).settings
}

/** Saves the whole settings object (the server validates the merged result in one go). */
export async function writeSettings(page: Page, settings: WhatsAppSettings) {
  await trpc(page, 'mutation', 'whatsapp.settings.update', settings)
}

async function status(page: Page): Promise<string> {
  return (await trpc<{ status: string }>(page, 'query', 'whatsapp.status')).status
}

/** Stops the session (and unlinks the simulated device) through the API, and waits for DISCONNECTED. */
export async function disconnectViaApi(adminPage: Page) {
  await trpc(adminPage, 'mutation', 'whatsapp.disconnect', { logout: true })
  await expect.poll(() => status(adminPage), { timeout: 30_000 }).toBe('DISCONNECTED')
}

/**
 * Gets WhatsApp connected the way a person does: Connect on the settings page (admin), then "Scan QR"
 * on /dev/phone (QA). `adminPage` ends on /settings/whatsapp, `qaPage` on /dev/phone.
 */
export async function connectWithPhone(adminPage: Page, qaPage: Page) {
  await adminPage.goto('/settings/whatsapp', { timeout: NAV_TIMEOUT })
  const badge = adminPage.getByTestId('whatsapp-status')
  await expect(badge).toBeVisible({ timeout: 30_000 })
  if ((await badge.getAttribute('data-status')) === 'CONNECTED') return
  if ((await badge.getAttribute('data-status')) !== 'DISCONNECTED') {
    await disconnectViaApi(adminPage)
    await expect(badge).toHaveAttribute('data-status', 'DISCONNECTED', { timeout: 15_000 })
  }
  await adminPage.getByTestId('whatsapp-connect').or(adminPage.getByTestId('whatsapp-retry')).first().click()
  const qr = adminPage.getByTestId('whatsapp-qr')
  await expect(qr).toBeVisible({ timeout: 15_000 })
  const code = await qr.getAttribute('data-qr')
  expect(code).toBeTruthy()

  await qaPage.goto('/dev/phone', { timeout: NAV_TIMEOUT })
  await qaPage.getByTestId('phone-scan').click()
  await expect(badge).toHaveAttribute('data-status', 'CONNECTED', { timeout: 30_000 })
}

/** Connected, whatever the state was: uses the admin's page for settings and a second page of the same context as the phone. */
export async function ensureConnected(adminPage: Page) {
  if ((await status(adminPage)) === 'CONNECTED') return
  const qaPage = await adminPage.context().newPage()
  await connectWithPhone(adminPage, qaPage)
  await qaPage.close()
}

/**
 * The setup of the phone-and-inbox flows: the admin's page is the phone (/dev/phone, WhatsApp connected)
 * and the operator's page shows the conversation list. `close()` closes both contexts.
 */
export async function phoneAndInbox(browser: Browser) {
  const admin = await signedIn(browser, users.admin)
  const operator = await signedIn(browser, users.operator)
  const close = async () => {
    await admin.context.close()
    await operator.context.close()
  }
  try {
    await ensureConnected(admin.page)
    await admin.page.goto('/dev/phone', { timeout: NAV_TIMEOUT })
    await operator.page.goto('/conversations', { timeout: NAV_TIMEOUT })
    await expect(operator.page.getByTestId('conversation-list')).toBeVisible({ timeout: 30_000 })
  } catch (error) {
    await close()
    throw error
  }
  return { qa: admin.page, operator: operator.page, close }
}

/**
 * A customer writes from /dev/phone (`qa` has it open): fills the form and sends, then waits until the
 * phone cleared it, so the next message can be typed. The name is left as it is when not given.
 */
export async function customerWrites(qa: Page, customer: { phone: string; name?: string }, body: string) {
  await qa.getByTestId('phone-customer-from').fill(customer.phone)
  if (customer.name !== undefined) await qa.getByTestId('phone-customer-name').fill(customer.name)
  await qa.getByTestId('phone-customer-body').fill(body)
  await qa.getByTestId('phone-customer-send').click()
  await expect(qa.getByTestId('phone-customer-body')).toHaveValue('', { timeout: 15_000 })
}
