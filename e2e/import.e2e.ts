/**
 * Import (simulator engine). History: the admin starts an import, its own QR appears (not the live
 * connection's), Cancel stops it; started again, the QR is scanned through the dev phone API, progress
 * reaches 100 % live and the counters show new clients; a second run finds only duplicates; members
 * watch without buttons. Export upload: an Android export is previewed, tied to a client with the shop
 * as the business, imported and seen in the conversation; the same file again adds nothing; files that
 * are not exports (or too large) get a localized error.
 * Expects a freshly prepared database (scripts/prepare-db.ts <db> --reset --seed), like the other flows.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { NAV_TIMEOUT, signedIn, trpc, users } from './whatsapp-helpers'

test.describe.configure({ timeout: 240_000 })

async function counter(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).innerText()).trim())
}

async function openImportPage(page: Page) {
  await page.goto('/settings/import', { timeout: NAV_TIMEOUT })
  await expect(page.getByTestId('page-title')).toHaveText('Импорт')
  // The subscription's first event has arrived: the card knows the latest job (or that there is none).
  await expect(page.getByTestId('import-start').or(page.getByTestId('import-cancel'))).toBeVisible({ timeout: 30_000 })
}

/** Clicks Start and waits until the card follows the new job (its id changes). */
async function startImport(page: Page) {
  const card = page.getByTestId('history-import')
  const before = await card.getAttribute('data-job-id')
  await page.getByTestId('import-start').click()
  await expect.poll(() => card.getAttribute('data-job-id'), { timeout: 15_000 }).not.toBe(before)
}

/** Scans the import session's QR the way /dev/phone would, with exactly the code shown on the page. */
async function scanImportQr(page: Page) {
  const qr = page.getByTestId('import-qr')
  await expect(qr).toBeVisible({ timeout: 30_000 })
  const code = await qr.getAttribute('data-qr')
  expect(code).toMatch(/\S{10,}/)
  await trpc(page, 'mutation', 'devPhone.scan', { target: 'import', qr: code })
}

test('history import: own QR, cancel, scan, live progress to 100 %, then only duplicates on a second run', async ({ browser }) => {
  const admin = await signedIn(browser, users.admin)
  const operator = await signedIn(browser, users.operator)
  const { page } = admin
  const status = page.getByTestId('import-status')
  try {
    await openImportPage(page)
    for (const name of ['importContacts', 'importMessages', 'detectStatus', 'useLLMStatusDetection', 'skipDuplicates', 'dryRun']) {
      await expect(page.getByTestId(`import-option-${name}`)).toBeVisible()
    }
    await expect(page.getByTestId('import-option-dryRun')).not.toBeChecked()
    await expect(page.getByText('Показывает, что было бы импортировано, и ничего не записывает.')).toBeVisible()

    // The import's own QR, with the note that the live connection is a different session; Cancel ends it.
    await startImport(page)
    await expect(page.getByTestId('import-qr')).toBeVisible({ timeout: 30_000 })
    await expect(status).toHaveAttribute('data-status', 'WAITING_FOR_SCAN')
    await expect(page.getByTestId('import-qr-note')).toContainText('Живое подключение WhatsApp не отключится')
    await page.getByTestId('import-cancel').click()
    await expect(status).toHaveAttribute('data-status', 'CANCELLED', { timeout: 15_000 })
    await expect(page.getByTestId('import-outcome')).toContainText('Импорт отменён')
    await expect(page.getByTestId('import-qr')).toHaveCount(0)

    // Started again and scanned: progress comes live (no reload) up to 100 %.
    await startImport(page)
    await scanImportQr(page)
    await expect(status).toHaveAttribute('data-status', 'COMPLETED', { timeout: 60_000 })
    await expect(page.getByTestId('import-progress')).toHaveAttribute('data-percent', '100')
    await expect(page.getByTestId('import-qr')).toHaveCount(0)
    await expect(page.getByTestId('import-outcome')).toContainText('Импорт завершён')
    // 7 chats in the simulated history: 6 private ones are imported, the group is skipped with a note.
    await expect(page.getByTestId('import-chats')).toHaveText('6 / 6')
    const created = await counter(page, 'import-clients-created')
    expect(created).toBeGreaterThan(0)
    expect(await counter(page, 'import-errors')).toBe(0)
    await expect(page.getByTestId('import-note').filter({ hasText: '1 групповой чат пропущен' })).toBeVisible()

    // A member sees the same result, live, without Start or Cancel, and without the upload card.
    await openImportPageAsMember(operator.page)
    await expect(operator.page.getByTestId('import-status')).toHaveAttribute('data-status', 'COMPLETED')
    await expect(operator.page.getByTestId('import-clients-created')).toHaveText(String(created))
    await expect(operator.page.getByTestId('import-start')).toHaveCount(0)
    await expect(operator.page.getByTestId('export-upload')).toHaveCount(0)
    await expect(trpc(operator.page, 'mutation', 'import.start', {})).rejects.toThrow(/403/)

    // Again: the same chats, so nothing new; the stored import session may reconnect without a QR.
    await startImport(page)
    await expect(page.getByTestId('import-qr').or(page.locator('[data-testid="import-status"][data-status="COMPLETED"]'))).toBeVisible({ timeout: 30_000 })
    if (await page.getByTestId('import-qr').isVisible()) await scanImportQr(page)
    await expect(status).toHaveAttribute('data-status', 'COMPLETED', { timeout: 60_000 })
    await expect(page.getByTestId('import-progress')).toHaveAttribute('data-percent', '100')
    expect(await counter(page, 'import-clients-created')).toBe(0)
    expect(await counter(page, 'import-duplicates')).toBeGreaterThan(0)
    expect(await counter(page, 'import-messages-imported')).toBe(0)
    // The member's page followed the second run too.
    await expect(operator.page.getByTestId('import-clients-created')).toHaveText('0', { timeout: 15_000 })

    // Reopened, the page shows the last result.
    await page.reload({ timeout: NAV_TIMEOUT })
    await expect(status).toHaveAttribute('data-status', 'COMPLETED', { timeout: 30_000 })
    expect(await counter(page, 'import-duplicates')).toBeGreaterThan(0)
  } finally {
    await admin.context.close()
    await operator.context.close()
  }
})

async function openImportPageAsMember(page: Page) {
  await page.goto('/settings/import', { timeout: NAV_TIMEOUT })
  await expect(page.getByTestId('import-status').or(page.getByTestId('import-ask-admin')).first()).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('import-ask-admin')).toBeVisible()
}

test('history import dry run: a table of what would be imported, nothing written', async ({ browser }) => {
  const { context, page } = await signedIn(browser, users.admin)
  try {
    await openImportPage(page)
    await page.getByTestId('import-option-dryRun').check()
    await expect(page.getByTestId('import-start')).toHaveText('Начать пробный запуск')
    await startImport(page)
    await expect(page.getByTestId('import-qr').or(page.locator('[data-testid="import-status"][data-status="COMPLETED"]'))).toBeVisible({ timeout: 30_000 })
    if (await page.getByTestId('import-qr').isVisible()) await scanImportQr(page)
    await expect(page.getByTestId('import-status')).toHaveAttribute('data-status', 'COMPLETED', { timeout: 60_000 })
    await expect(page.getByTestId('import-dry-run-badge')).toBeVisible()
    await expect(page.getByTestId('import-outcome')).toContainText('Пробный запуск завершён')
    await expect(page.getByTestId('import-preview-row')).toHaveCount(6)
    await expect(page.getByTestId('import-preview-row').filter({ hasText: 'Нургуль Садыкова' })).toContainText('0 новых из 9')
    expect(await counter(page, 'import-messages-imported')).toBe(0)
  } finally {
    await context.close()
  }
})

test.describe('chat export upload', () => {
  let dir: string
  test.beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'soul-export-'))
  })
  test.afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true })
  })

  test('preview, choose the client and the business, import, see it in the conversation; the same file again adds nothing', async ({ browser }) => {
    // A stamp keeps the messages new when the flow is run again on the same database.
    const stamp = String(Date.now()).slice(-6)
    const file = path.join(dir, 'WhatsApp Chat with Эрмек.txt')
    await fs.writeFile(
      file,
      [
        '14.03.2026, 20:00 - Сообщения и звонки защищены сквозным шифрованием. Нажмите, чтобы узнать подробнее.',
        '14.03.2026, 20:02 - Эрмек: Здравствуйте, есть доставка в Токмок?',
        '14.03.2026, 20:05 - Магазин: Да, 200 сом',
        `15.03.2026, 09:00 - Эрмек: Отлично, оформляю заказ ${stamp}`,
        '',
      ].join('\n'),
    )
    const { context, page } = await signedIn(browser, users.admin)
    try {
      const upload = async () => {
        await page.goto('/settings/import', { timeout: NAV_TIMEOUT })
        await page.getByTestId('export-file').setInputFiles(file)
        await page.getByTestId('export-preview-button').click()
        const preview = page.getByTestId('export-preview')
        // The first upload compiles the upload route in development mode: be patient.
        await expect(preview).toBeVisible({ timeout: 60_000 })
        await expect(page.getByTestId('export-total')).toHaveText('3')
        await expect(page.getByTestId('export-author')).toHaveCount(2)
        await expect(page.getByTestId('export-author').filter({ hasText: 'Эрмек' })).toContainText('2 сообщения')
        await expect(page.getByTestId('export-sample-message')).toHaveCount(3)
        await expect(page.getByTestId('export-sample')).toContainText('есть доставка в Токмок?')

        const picker = page.getByTestId('export-client-picker')
        if (await picker.getByTestId('export-client-selected').isVisible()) await picker.getByTestId('export-client-change').click()
        await picker.getByTestId('export-client-search').fill('Нургуль')
        await picker.getByTestId('export-client-option').filter({ hasText: 'Нургуль Садыкова' }).click()
        await expect(picker.getByTestId('export-client-selected')).toContainText('Нургуль Садыкова')
        await page.getByTestId('export-business-author').selectOption('Магазин')
        await page.getByTestId('export-commit').click()
        const result = page.getByTestId('export-result')
        await expect(result).toBeVisible({ timeout: 15_000 })
        return result
      }

      await upload()
      await expect(page.getByTestId('export-imported')).toHaveText('3')
      await expect(page.getByTestId('export-duplicates')).toHaveText('0')
      await page.getByTestId('export-conversation-link').click()
      await expect(page).toHaveURL(/\/conversations\/[^/]+$/, { timeout: NAV_TIMEOUT })
      await expect(page.getByTestId('page-title')).toHaveText('Нургуль Садыкова')
      const thread = page.getByTestId('conversation-view')
      const bubble = (text: string) => thread.getByTestId('message-bubble').filter({ hasText: text })
      await expect(bubble('Здравствуйте, есть доставка в Токмок?')).toHaveAttribute('data-direction', 'INCOMING', { timeout: 30_000 })
      await expect(bubble('Да, 200 сом')).toHaveAttribute('data-direction', 'OUTGOING')
      await expect(bubble(`Отлично, оформляю заказ ${stamp}`)).toHaveAttribute('data-direction', 'INCOMING')

      await upload()
      await expect(page.getByTestId('export-imported')).toHaveText('0')
      await expect(page.getByTestId('export-duplicates')).toHaveText('3')
    } finally {
      await context.close()
    }
  })

  test('a text file that is not an export, and a file over 10 MB, get localized errors', async ({ browser }) => {
    const notes = path.join(dir, 'покупки.txt')
    await fs.writeFile(notes, 'Список покупок:\nмолоко\nхлеб\n')
    const big = path.join(dir, 'big.txt')
    await fs.writeFile(big, Buffer.alloc(10 * 1024 * 1024 + 1, 0x61))
    const { context, page } = await signedIn(browser, users.admin)
    try {
      await page.goto('/settings/import', { timeout: NAV_TIMEOUT })
      await page.getByTestId('export-file').setInputFiles(notes)
      await page.getByTestId('export-preview-button').click()
      await expect(page.getByTestId('export-error')).toHaveText('Это не похоже на экспорт чата WhatsApp: не найдено ни одного сообщения.', { timeout: 15_000 })
      await expect(page.getByTestId('export-preview')).toHaveCount(0)

      // Refused in the browser, before anything is uploaded.
      let uploaded = false
      page.on('request', (request) => {
        if (request.url().includes('import.previewExport') || request.url().includes('/api/import/upload')) uploaded = true
      })
      await page.getByTestId('export-file').setInputFiles(big)
      await expect(page.getByTestId('export-error')).toContainText('больше 10 МБ')
      await expect(page.getByTestId('export-preview-button')).toBeDisabled()
      expect(uploaded).toBe(false)
    } finally {
      await context.close()
    }
  })
})
