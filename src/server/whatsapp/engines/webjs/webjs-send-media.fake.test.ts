/**
 * Media out through the real WebjsEngine over the library-shaped fake (issue 14 point 3): `sendMedia`
 * hands whatsapp-web.js 1.34.7 a real `MessageMedia` (structures/MessageMedia.js:16-40: mimetype, base64
 * data, filename, filesize) as the content of `client.sendMessage(chatId, media, { caption })`
 * (Client.js:1476-1478 takes a MessageMedia content as the send's media, 1462 its caption), documents
 * with `sendMediaAsDocument`, never `sendSeen`. Like text, the phone id is checked first
 * (getNumberId), the send returns at ack 0 and its acks follow; a number not on WhatsApp is refused.
 */
import wwebjs from 'whatsapp-web.js'
import { describe, expect, it } from 'vitest'
import { readyFakeEngine } from './testing/fake-engine-harness'

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('a small photo')])

describe('webjs media out', () => {
  it('a photo with a caption is a MessageMedia content with options.caption; it returns at ack 0 and its acks follow', async () => {
    const { engine, fake, events } = await readyFakeEngine()
    const sent = await engine.sendMedia(
      '996555123456@c.us',
      { data: jpeg, mimetype: 'image/jpeg', fileName: 'товар.jpg', asDocument: false },
      { caption: 'Цена 1200 сом' },
    )

    expect(fake.numberQueries).toEqual(['996555123456@c.us'])
    const [call] = fake.sent
    expect(call!.chatId).toBe('996555123456@c.us')
    expect(call!.content).toBeInstanceOf(wwebjs.MessageMedia)
    const media = call!.content as InstanceType<typeof wwebjs.MessageMedia>
    expect(media.mimetype).toBe('image/jpeg')
    expect(Buffer.from(media.data, 'base64').equals(jpeg)).toBe(true)
    expect(media.filename).toBe('товар.jpg')
    expect(media.filesize).toBe(jpeg.length)
    expect(call!.options).toEqual({ sendSeen: false, sendMediaAsDocument: false, caption: 'Цена 1200 сом' })

    // What the library returned: a media message whose body is the caption (Message.js:49-57), at ack 0.
    expect(call!.message.hasMedia).toBe(true)
    expect(call!.message.body).toBe('Цена 1200 сом')
    expect(sent).toEqual({ id: call!.message.id._serialized, timestamp: call!.message.timestamp, ack: 'PENDING' })

    fake.emitAck(call!.message, 1)
    fake.emitAck(call!.message, 3)
    expect(events.filter((e) => e.name === 'message_ack').map((e) => e.args[0])).toEqual([
      { id: sent.id, ack: 'SERVER' },
      { id: sent.id, ack: 'READ' },
    ])
  })

  it('a document goes with sendMediaAsDocument and no caption option when there is none', async () => {
    const { engine, fake } = await readyFakeEngine()
    const pdf = Buffer.from('%PDF-1.4 a small pdf')
    await engine.sendMedia('996555123457@c.us', { data: pdf, mimetype: 'application/pdf', fileName: 'Счёт.pdf', asDocument: true }, {})
    const [call] = fake.sent
    expect(call!.options).toEqual({ sendSeen: false, sendMediaAsDocument: true })
    expect((call!.content as InstanceType<typeof wwebjs.MessageMedia>).filename).toBe('Счёт.pdf')
    expect(call!.message.type).toBe('document')
  })

  it('a number not on WhatsApp is refused before anything is sent; a failing page is an engine error', async () => {
    const { engine, fake } = await readyFakeEngine()
    fake.unregisterNumber('996555000404')
    await expect(engine.sendMedia('996555000404@c.us', { data: jpeg, mimetype: 'image/jpeg', asDocument: false }, { caption: 'x' })).rejects.toMatchObject({
      code: 'INVALID_RECIPIENT',
      retryable: false,
    })
    expect(fake.sent).toHaveLength(0)
    fake.failNextSend(new Error('Evaluation failed: Error: media upload failed'))
    await expect(engine.sendMedia('996555123456@c.us', { data: jpeg, mimetype: 'image/jpeg', asDocument: false }, {})).rejects.toMatchObject({
      name: 'EngineError',
    })
  })
})
