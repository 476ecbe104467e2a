/**
 * Hidden numbers (@lid): the operator already wrote to a customer's number; the customer then writes
 * with their number hidden (a LID chat) and appears as a separate, number-less client; WhatsApp later
 * reveals the number (/dev/phone "Reveal number"), the customer's next message links the two, and the
 * operator sees one client with the whole thread and a history entry saying they were merged.
 */
import { expect, test, type Page } from '@playwright/test'
import { ensureConnected, NAV_TIMEOUT, signedIn, trpc, users } from './whatsapp-helpers'

test.describe.configure({ timeout: 240_000 })

interface ClientRow {
  id: string
  phone: string | null
  name: string | null
}

async function clientsNamed(page: Page, name: string): Promise<ClientRow[]> {
  return (await trpc<{ items: ClientRow[] }>(page, 'query', 'clients.list', { search: name, page: 1 })).items
}

test('a LID customer is later revealed to be an existing client: one client with the whole thread', async ({ browser }) => {
  // The second organization's team: the flows before this one used up the demo organization's WhatsApp
  // lookups of the minute (5 a minute), and the merge waits for one; a fresh organization's are unused.
  const admin = await signedIn(browser, users.otherAdmin)
  const operator = await signedIn(browser, users.otherOperator)
  try {
    await ensureConnected(admin.page)
    const digits = String(Date.now()).slice(-6)
    const phone = `+996 701 ${digits.slice(0, 3)} ${digits.slice(3)}`
    const e164 = `+996701${digits}`
    // Names keep letters only (digits are stripped when a name is stored): spell the run's digits in letters.
    const name = `Скрытый ${[...digits].map((d) => 'абвгдежзик'[Number(d)]).join('')}`

    // Known by phone first: the operator writes to the number.
    const fromOperator = `Ваш заказ собран ${digits}`
    await trpc(operator.page, 'mutation', 'whatsapp.send', { to: phone, content: fromOperator })

    // The customer writes with the number hidden: a separate client without a number appears.
    const qa = admin.page
    await qa.goto('/dev/phone', { timeout: NAV_TIMEOUT })
    await qa.getByTestId('phone-customer-from').fill(phone)
    await qa.getByTestId('phone-customer-name').fill(name)
    await qa.getByTestId('phone-customer-hidden').check()
    const hiddenMessage = `Где можно забрать? ${digits}`
    await qa.getByTestId('phone-customer-body').fill(hiddenMessage)
    await qa.getByTestId('phone-customer-send').click()
    await expect.poll(async () => (await clientsNamed(operator.page, name)).map((c) => c.phone), { timeout: 30_000 }).toEqual([null])

    // WhatsApp reveals the number; the customer's next message links the two clients.
    await qa.getByTestId('phone-customer-reveal').click()
    await expect(qa.getByTestId('phone-customer-revealed')).toBeVisible()
    const afterReveal = `Я подъехал ${digits}`
    await qa.getByTestId('phone-customer-body').fill(afterReveal)
    await qa.getByTestId('phone-customer-send').click()
    // Lookups are limited per organization (5 a minute): if this one was skipped, the next message asks again.
    const merged = async () => {
      const rows = await clientsNamed(operator.page, name)
      return rows.length === 1 && rows[0]!.phone === e164
    }
    await expect
      .poll(
        async () => {
          if (await merged()) return true
          await qa.getByTestId('phone-customer-body').fill(`Алло? ${digits}`)
          await qa.getByTestId('phone-customer-send').click()
          return false
        },
        { timeout: 120_000, intervals: [3_000, 15_000] },
      )
      .toBe(true)

    // The operator opens the client: one client, the whole thread, and the merge in its history.
    const [client] = await clientsNamed(operator.page, name)
    await operator.page.goto(`/clients/${client!.id}`, { timeout: NAV_TIMEOUT })
    await expect(operator.page.getByTestId('client-phone')).toContainText(digits.slice(3))
    for (const text of [fromOperator, hiddenMessage, afterReveal]) {
      await expect(operator.page.getByTestId('message-bubble').filter({ hasText: text })).toBeVisible({ timeout: 30_000 })
    }
    await expect(operator.page.getByTestId('client-event-merged')).toBeVisible()
    await expect(operator.page.getByTestId('client-lid')).toContainText('@lid')

    // The customer's phone shows the reply to the hidden chat too.
    const reply = `Подходите ко входу ${digits}`
    await trpc(operator.page, 'mutation', 'whatsapp.send', { clientId: client!.id, content: reply })
    await expect(qa.getByTestId('phone-outbox')).toContainText(reply, { timeout: 20_000 })
  } finally {
    await admin.context.close()
    await operator.context.close()
  }
})
