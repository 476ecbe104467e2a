/**
 * issue 17 in the browser: a customer writes Kyrgyz (also typed in Latin letters) and then "ok" from
 * /dev/phone; the operator's client card, at phone width, says the language and why ("Кыргызский,
 * по 3 из 4 сообщений"); the operator chooses Russian by hand and further Kyrgyz messages leave it.
 */
import { expect, test } from '@playwright/test'
import { customerWrites, NAV_TIMEOUT, phoneAndInbox } from './whatsapp-helpers'

test.describe.configure({ timeout: 240_000 })

const digits = String(Date.now()).slice(-6)
const customer = { phone: `+996 703 ${digits.slice(0, 3)} ${digits.slice(3)}`, name: `E2E Тил ${digits}` }

test('the client card explains the language from many messages, and a manual choice stays', async ({ browser }) => {
  const { qa, operator, close } = await phoneAndInbox(browser)
  try {
    for (const body of ['Саламатсызбы, бул көйнөктүн баасы канча?', 'jakshy, erteng kelem', 'Жеткирип бересизби?', 'ok']) {
      await customerWrites(qa, customer, body)
    }
    await operator.setViewportSize({ width: 390, height: 844 })
    await operator.goto(`/clients?q=${customer.phone.replace(/\D/g, '')}`, { timeout: NAV_TIMEOUT })
    await operator.getByTestId('client-row').filter({ hasText: customer.phone }).getByTestId('client-link').click()
    await operator.waitForURL(/\/clients\/[^/?]+$/, { timeout: NAV_TIMEOUT })
    const evidence = operator.getByTestId('client-language-evidence')
    // The last message may still be on its way: reload until the card counts all four.
    await expect(async () => {
      await operator.reload({ timeout: NAV_TIMEOUT })
      await expect(evidence).toHaveText('Кыргызский, по 3 из 4 сообщений', { timeout: 5_000 })
    }).toPass({ timeout: 60_000 })
    const select = operator.getByTestId('client-language-select')
    await expect(select).toHaveValue('')
    const box = await select.boundingBox()
    expect(box && box.x + box.width).toBeLessThanOrEqual(390)

    await select.selectOption('ru')
    await expect(evidence).toHaveText('Выбран вручную: сообщения его не меняют', { timeout: 30_000 })
    await customerWrites(qa, customer, 'Рахмат, эртең келип алам, күтүп туруңуз')
    await operator.reload({ timeout: NAV_TIMEOUT })
    await expect(select).toHaveValue('ru', { timeout: 30_000 })
    await expect(evidence).toHaveText('Выбран вручную: сообщения его не меняют')

    await select.selectOption('')
    await expect(evidence).toHaveText(/^Кыргызский, по 4 из 5 сообщений$/, { timeout: 30_000 })
  } finally {
    await close()
  }
})
