/**
 * Media in (issue 14), over the simulator from /dev/phone: a customer sends a photo and a voice note;
 * the operator sees the image in the thread, opens it in the lightbox (Escape closes it) and plays the
 * voice note (OGG/Opus in Chromium). The files come through the authorized route: another browser
 * without a session gets 401. Media out: the operator attaches a photo (the paperclip) with a caption
 * and the customer's phone shows the picture and the caption; a document dropped on the composer goes
 * with its name.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { phoneAndInbox } from './whatsapp-helpers'

test.describe.configure({ timeout: 240_000 })

function uniqueCustomer() {
  const digits = String(Date.now()).slice(-6)
  return { phone: `+996 702 ${digits.slice(0, 3)} ${digits.slice(3)}`, stamp: digits }
}

test('a customer sends a photo and a voice note: the operator sees the image, opens the lightbox and plays the audio', async ({ browser }) => {
  const { qa, operator, close } = await phoneAndInbox(browser)
  try {
    const customer = uniqueCustomer()
    const caption = `Вот такую хочу ${customer.stamp}`
    await qa.getByTestId('phone-customer-from').fill(customer.phone)
    await qa.getByTestId('phone-customer-type').selectOption('image')
    await qa.getByTestId('phone-customer-body').fill(caption)
    await qa.getByTestId('phone-customer-send').click()
    await expect(qa.getByTestId('phone-customer-body')).toHaveValue('', { timeout: 15_000 })

    const item = operator.getByTestId('conversation-item').filter({ hasText: customer.stamp })
    await expect(item).toBeVisible({ timeout: 30_000 })
    await item.click()

    const photo = operator.getByTestId('message-bubble').filter({ hasText: caption })
    await expect(photo).toHaveAttribute('data-media', 'IMAGE', { timeout: 30_000 })
    await expect(photo).toHaveAttribute('data-media-status', 'STORED', { timeout: 30_000 })
    await expect(photo.getByTestId('message-caption')).toContainText(caption)
    const image = photo.getByTestId('message-image')
    await expect(image).toBeVisible()
    // The image really loaded (decoded with its size), not a broken icon.
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 20_000 }).toBe(320)

    await photo.getByTestId('message-image-open').click()
    const lightbox = operator.getByTestId('media-lightbox')
    await expect(lightbox).toBeVisible()
    await expect.poll(() => lightbox.getByTestId('media-lightbox-image').evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 20_000 }).toBe(320)
    await operator.keyboard.press('Escape')
    await expect(lightbox).toBeHidden()

    await qa.getByTestId('phone-customer-type').selectOption('voice')
    await qa.getByTestId('phone-customer-send').click()
    const voice = operator.locator('[data-testid="message-bubble"][data-media="VOICE"]')
    await expect(voice).toHaveAttribute('data-media-status', 'STORED', { timeout: 30_000 })
    const audio = voice.getByTestId('message-audio')
    await expect(audio).toBeVisible()
    // The voice note loads (metadata with its ~1.5 s duration), then plays: time advances.
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.readyState >= 1 && el.duration), { timeout: 20_000 }).toBeGreaterThan(1)
    await audio.evaluate(async (el: HTMLAudioElement) => {
      el.muted = true
      await el.play()
    })
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime), { timeout: 20_000 }).toBeGreaterThan(0)

    // The file is served to this session only: without one the route answers 401.
    const src = await image.getAttribute('src')
    expect(src).toMatch(/^\/api\/media\//)
    const anonymous = await browser.newContext()
    try {
      const response = await anonymous.request.get(new URL(src!, operator.url()).toString())
      expect(response.status()).toBe(401)
    } finally {
      await anonymous.close()
    }
  } finally {
    await close()
  }
})

const simulatorMedia = (file: string) => join(process.cwd(), 'src/server/whatsapp/engines/simulator/media', file)

test("the operator sends a photo with a caption and a dropped document: the customer's phone shows them", async ({ browser }) => {
  const { qa, operator, close } = await phoneAndInbox(browser)
  try {
    const customer = uniqueCustomer()
    await qa.getByTestId('phone-customer-from').fill(customer.phone)
    await qa.getByTestId('phone-customer-body').fill(`Есть фото? ${customer.stamp}`)
    await qa.getByTestId('phone-customer-send').click()
    const item = operator.getByTestId('conversation-item').filter({ hasText: customer.stamp })
    await expect(item).toBeVisible({ timeout: 30_000 })
    await item.click()

    // The paperclip opens the file picker; the photo uploads at once and shows as the attachment.
    const chooser = operator.waitForEvent('filechooser')
    await operator.getByTestId('composer-attach').click()
    await (await chooser).setFiles(simulatorMedia('photo.jpg'))
    const attachment = operator.getByTestId('composer-attachment')
    await expect(attachment).toHaveAttribute('data-state', 'ready', { timeout: 20_000 })
    await expect(operator.getByTestId('composer-attachment-name')).toHaveText('photo.jpg')
    const caption = `Вот она, 1200 сом ${customer.stamp}`
    await operator.getByTestId('composer-input').fill(caption)
    await operator.getByTestId('composer-send').click()
    await expect(attachment).toBeHidden()

    // In the thread: the photo, stored, with its caption.
    const bubble = operator.getByTestId('message-bubble').filter({ hasText: caption })
    await expect(bubble).toHaveAttribute('data-media', 'IMAGE', { timeout: 30_000 })
    await expect(bubble).toHaveAttribute('data-media-status', 'STORED', { timeout: 30_000 })
    await expect
      .poll(() => bubble.getByTestId('message-image').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 20_000 })
      .toBe(320)

    // On the customer's phone: the picture itself and the caption.
    const onPhone = qa.getByTestId('phone-sent-image').first()
    await expect(onPhone).toBeVisible({ timeout: 60_000 })
    await expect.poll(() => onPhone.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 20_000 }).toBe(320)
    await expect(qa.getByText(caption).first()).toBeVisible()

    // A document dropped on the composer goes without a caption, with its name.
    const pdf = [...readFileSync(simulatorMedia('document.pdf'))]
    const dropped = await operator.evaluateHandle((bytes) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array(bytes)], `Счёт ${Date.now()}.pdf`, { type: 'application/pdf' }))
      return transfer
    }, pdf)
    await operator.getByTestId('composer-form').dispatchEvent('drop', { dataTransfer: dropped })
    await expect(attachment).toHaveAttribute('data-state', 'ready', { timeout: 20_000 })
    const name = (await operator.getByTestId('composer-attachment-name').textContent())!
    expect(name).toMatch(/^Счёт \d+\.pdf$/)
    await operator.getByTestId('composer-send').click()
    await expect(qa.getByTestId('phone-sent-document').filter({ hasText: name }).first()).toBeVisible({ timeout: 60_000 })
  } finally {
    await close()
  }
})
