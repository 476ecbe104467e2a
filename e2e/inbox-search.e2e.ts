/**
 * Inbox search: a customer's old message, with 60 newer ones after it (more than one page of the
 * thread), is found from the conversations page by a partial Kyrgyz word typed without its marks; the
 * hit shows the match highlighted, and opening it loads the thread back to that message, scrolls to it
 * and highlights it.
 */
import { expect, test } from '@playwright/test'
import { ensureConnected, NAV_TIMEOUT, signedIn, trpc, users } from './whatsapp-helpers'

test.describe.configure({ timeout: 240_000 })

interface ThreadPage {
  items: Array<{ id: string; content: string }>
}
interface ConversationRow {
  id: string
  client: { phone: string | null }
}

test('search finds an old message by a partial word and the thread jumps to it', async ({ browser }) => {
  const admin = await signedIn(browser, users.admin)
  const operator = await signedIn(browser, users.operator)
  try {
    await ensureConnected(admin.page)
    const digits = String(Date.now()).slice(-6)
    const phone = `+996 702 ${digits.slice(0, 3)} ${digits.slice(3)}`
    // A word nobody else has: the run's digits spelled in letters, inside a Kyrgyz sentence.
    const word = [...digits].map((d) => 'абвгдежзик'[Number(d)]).join('')
    const old = `Жаңы көйнөк ${word}түн баасы канча?`
    await trpc(admin.page, 'mutation', 'devPhone.sendAsCustomer', { from: phone, name: 'Издөө Тест', body: old })
    for (let i = 1; i <= 60; i++) await trpc(admin.page, 'mutation', 'devPhone.sendAsCustomer', { from: phone, body: `Дагы бир суроо ${i}` })

    // All 61 are stored before the search (the thread's first page then holds only the 50 newest).
    const e164 = `+996702${digits}`
    let conversationId = ''
    await expect(async () => {
      const list = await trpc<{ items: ConversationRow[] }>(operator.page, 'query', 'conversations.list', { search: digits, page: 1 })
      conversationId = list.items.find((c) => c.client.phone === e164)?.id ?? ''
      expect(conversationId).not.toBe('')
      const page = await trpc<ThreadPage>(operator.page, 'query', 'conversations.messages', { conversationId, limit: 100 })
      expect(page.items).toHaveLength(61)
    }).toPass({ timeout: 60_000 })

    // Typed without the Kyrgyz marks, and only part of the word.
    await operator.page.goto('/conversations', { timeout: NAV_TIMEOUT })
    await operator.page.getByTestId('conversations-search').fill(`койнок ${word.slice(0, 4)}`)
    const hit = operator.page.getByTestId('search-message-hit')
    await expect(hit).toHaveCount(1, { timeout: 15_000 })
    await expect(hit.locator('mark')).toHaveText(`көйнөк ${word.slice(0, 4)}`)

    await hit.click()
    await expect(operator.page).toHaveURL(new RegExp(`/conversations/${conversationId}\\?message=`), { timeout: 30_000 })
    const focused = operator.page.locator('[data-focused="true"]')
    await expect(focused).toHaveCount(1, { timeout: 30_000 })
    await expect(focused).toContainText(old)
    await expect(focused).toBeInViewport()
  } finally {
    await admin.context.close()
    await operator.context.close()
  }
})
