/**
 * Media through the real WebjsEngine over the library-shaped fake (issue 14): what `message` carries for
 * a photo (announced mimetype, file name, size from the page's raw model), a location (coordinates and
 * description, not its thumbnail body) and contact cards (vCards as name and numbers); and
 * `downloadMedia` as whatsapp-web.js 1.34.7 answers it: a MessageMedia (base64), undefined (expired or
 * unavailable: Message.js:527-549, 585), a page error, or a page that is gone.
 */
import { describe, expect, it } from 'vitest'
import { EngineError } from '../../engine/errors'
import { readyFakeEngine, type record } from './testing/fake-engine-harness'

const lastMessage = (events: ReturnType<typeof record>) => events.filter((e) => e.name === 'message').at(-1)?.args[0]

describe('webjs media in', () => {
  it('a photo carries its caption and what WhatsApp announced; downloadMedia gives the bytes', async () => {
    const { engine, fake, events } = await readyFakeEngine()
    const photo = Buffer.from('\xff\xd8\xff\xe0 not really a jpeg', 'latin1')
    const msg = fake.emitIncoming({
      from: '996555123456@c.us',
      type: 'image',
      body: 'вот эта',
      hasMedia: true,
      data: { mimetype: 'image/jpeg', filename: 'IMG_0001.jpg', size: photo.length },
    })
    expect(lastMessage(events)).toMatchObject({
      type: 'image',
      hasMedia: true,
      body: 'вот эта',
      media: { mimetype: 'image/jpeg', fileName: 'IMG_0001.jpg', size: photo.length },
    })
    fake.mediaFiles.set(msg.id._serialized, { mimetype: 'image/jpeg', data: photo.toString('base64'), filename: 'IMG_0001.jpg', filesize: photo.length })
    const downloaded = await engine.downloadMedia(msg.id._serialized)
    expect(downloaded).toMatchObject({ mimetype: 'image/jpeg', fileName: 'IMG_0001.jpg' })
    expect(Buffer.isBuffer(downloaded?.data) && downloaded.data.equals(photo)).toBe(true)
  })

  it('an expired file, an unknown message and a media-less message download as null; page errors are engine errors', async () => {
    const { engine, fake } = await readyFakeEngine()
    const expired = fake.emitIncoming({ type: 'ptt', body: '', hasMedia: true, data: { mimetype: 'audio/ogg; codecs=opus' } })
    expect(await engine.downloadMedia(expired.id._serialized)).toBeNull()
    expect(await engine.downloadMedia('false_996555123456@c.us_3EB0NOSUCHMESSAGE')).toBeNull()
    const text = fake.emitIncoming({ body: 'просто текст' })
    expect(await engine.downloadMedia(text.id._serialized)).toBeNull()
    const failing = fake.emitIncoming({ type: 'document', body: '', hasMedia: true })
    fake.mediaFiles.set(failing.id._serialized, new Error('Evaluation failed: TypeError: Cannot read properties of undefined'))
    await expect(engine.downloadMedia(failing.id._serialized)).rejects.toBeInstanceOf(EngineError)
    fake.mediaFiles.set(failing.id._serialized, new Error('Protocol error (Runtime.callFunctionOn): Session closed.'))
    await expect(engine.downloadMedia(failing.id._serialized)).rejects.toMatchObject({ code: 'NOT_CONNECTED' })
  })

  it('a location is coordinates and a description, not the thumbnail the library puts in its body', async () => {
    const { fake, events } = await readyFakeEngine()
    fake.emitIncoming({
      type: 'location',
      body: '/9j/4AAQSkZJRgABAQAAAQABAAD/thumbnail',
      data: { lat: 42.8746, lng: 74.6037, loc: 'Ала-Тоо\nБишкек', clientUrl: 'https://maps.example/ala-too' },
    })
    const message = lastMessage(events) as { body: string; location: unknown; hasMedia: boolean }
    expect(message.body).toBe('')
    expect(message.hasMedia).toBe(false)
    expect(message.location).toEqual({ latitude: 42.8746, longitude: 74.6037, name: 'Ала-Тоо', address: 'Бишкек', url: 'https://maps.example/ala-too' })
  })

  it('contact cards are names and numbers, not the raw vCard', async () => {
    const { fake, events } = await readyFakeEngine()
    const vcard = 'BEGIN:VCARD\nVERSION:3.0\nN:;Айбек;;;\nFN:Айбек Асанов\nTEL;type=CELL;type=VOICE;waid=996700111222:+996 700 111 222\nEND:VCARD'
    fake.emitIncoming({ type: 'vcard', body: vcard })
    expect(lastMessage(events)).toMatchObject({ type: 'contact', body: '', contacts: [{ name: 'Айбек Асанов', phones: ['+996700111222'] }] })
    const second = 'BEGIN:VCARD\nVERSION:3.0\nFN:Склад\nTEL;type=WORK:+996 312 00-00-00\nEND:VCARD'
    fake.emitIncoming({ type: 'multi_vcard', body: '', data: { vcardList: [{ vcard }, { vcard: second }] } })
    expect(lastMessage(events)).toMatchObject({
      type: 'contact',
      contacts: [
        { name: 'Айбек Асанов', phones: ['+996700111222'] },
        { name: 'Склад', phones: ['+996312000000'] },
      ],
    })
  })
})
