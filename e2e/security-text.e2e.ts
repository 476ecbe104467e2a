/**
 * Issue 11 point 3 over HTTP: text PostgreSQL refuses (NUL, lone surrogates) no longer loses a message.
 * A `whatsapp.send` carrying them answers 200 and stores the cleaned text (it used to answer 500 after
 * creating rows and spending quota); a customer's message carrying them is stored (it used to sit in
 * the in-memory buffer for ever); a text that is empty once cleaned is refused with 400 and nothing made.
 */
import { expect, test, type Page } from '@playwright/test'
import { ensureConnected, signedIn, trpc, users } from './whatsapp-helpers'

test.describe.configure({ timeout: 300_000 })

interface StoredMessage {
  id: string
  content: string
  direction: string
}

async function thread(page: Page, conversationId: string): Promise<StoredMessage[]> {
  return (await trpc<{ items: StoredMessage[] }>(page, 'query', 'conversations.messages', { conversationId, limit: 50 })).items
}

test('NUL and lone surrogates: the send answers 200 and stores clean text; the customer message is stored', async ({ browser }) => {
  const admin = await signedIn(browser, users.admin)
  const operator = await signedIn(browser, users.operator)
  try {
    await ensureConnected(admin.page)
    const digits = String(Date.now()).slice(-6)
    const phone = `+996702${digits}`

    const sent = await trpc<{ messageId: string; conversationId: string }>(operator.page, 'mutation', 'whatsapp.send', {
      to: phone,
      content: `Цена\u0000 1 200 сом ${digits}\r\nСпасибо 👍\uD800`,
    })
    const stored = (await thread(operator.page, sent.conversationId)).find((m) => m.id === sent.messageId)
    expect(stored?.content).toBe(`Цена 1 200 сом ${digits}\nСпасибо 👍`)

    // The same customer answers with a NUL and a lone surrogate in the text.
    await trpc(admin.page, 'mutation', 'devPhone.sendAsCustomer', { from: phone, body: `Да\u0000, беру ${digits} \uDE00🙏\r\n` })
    await expect
      .poll(async () => (await thread(operator.page, sent.conversationId)).filter((m) => m.direction === 'INCOMING').map((m) => m.content), {
        timeout: 60_000,
      })
      .toEqual([`Да, беру ${digits} 🙏\n`])

    // Nothing left once cleaned: 400, and no message row.
    const before = (await thread(operator.page, sent.conversationId)).length
    await expect(trpc(operator.page, 'mutation', 'whatsapp.send', { conversationId: sent.conversationId, content: '\u0000\uD800 \r\n' })).rejects.toThrow(
      /→ 400/,
    )
    expect(await thread(operator.page, sent.conversationId)).toHaveLength(before)
  } finally {
    await admin.context.close()
    await operator.context.close()
  }
})
