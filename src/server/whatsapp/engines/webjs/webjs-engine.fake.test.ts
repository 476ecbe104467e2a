/**
 * The real WebjsEngine over the library-shaped fake client (./testing/fake-webjs-client.ts): what the
 * engine makes of each event and answer of whatsapp-web.js 1.34.7, without a browser.
 */
import { describe, expect, it } from 'vitest'
import { fakeEngine, readyFakeEngine, record } from './testing/fake-engine-harness'

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('WebjsEngine over the library-shaped fake', () => {
  it('a new session shows a QR, links, becomes ready with our id, and receives a customer message', async () => {
    const { engine, factory } = fakeEngine()
    const events = record(engine)
    await engine.initialize()
    expect(events.map((e) => e.name)).toEqual(['qr'])
    await factory.last.link()
    expect(engine.getMe()).toMatchObject({ wid: '996555000001@c.us', phone: '+996555000001' })
    factory.last.emitIncoming({ from: '996555123456@c.us', body: 'Салам', notifyName: 'Айгуль' })
    const message = events.find((e) => e.name === 'message')?.args[0]
    expect(message).toMatchObject({ from: '996555123456@c.us', body: 'Салам', type: 'text', fromMe: false, notifyName: 'Айгуль' })
  })

  it('a restored session is ready after initialize() and sends through the library', async () => {
    const { engine, factory } = fakeEngine((client) => client.setSession('restored'))
    await engine.initialize()
    await tick()
    await tick()
    const sent = await engine.sendText('996555123456@c.us', 'hello')
    expect(factory.last.lastSent()).toMatchObject({ chatId: '996555123456@c.us', content: 'hello' })
    expect(sent.id).toBe(factory.last.lastSent()?.message.id._serialized)
  })
})

const messagesOf = (events: ReturnType<typeof record>) => events.filter((e) => e.name === 'message').map((e) => e.args[0] as { body: string; type: string })

describe('system notices and malformed payloads stop at the engine boundary (issue 9, point 2)', () => {
  it.each(['e2e_notification', 'notification_template', 'call_log', 'protocol', 'gp2', 'revoked', 'ciphertext', 'reaction', 'brand_new_type'])(
    'drops a %s message',
    async (type) => {
      const { fake, events } = await readyFakeEngine()
      fake.emitIncoming({ from: '996555123456@c.us', type, body: 'system text' })
      expect(messagesOf(events)).toEqual([])
    },
  )

  it('drops notifications flagged by the page, empty texts and media-less empty messages', async () => {
    const { fake, events } = await readyFakeEngine()
    fake.emitIncoming({ from: '996555123456@c.us', body: 'flagged', isNotification: true })
    fake.emitIncoming({ from: '996555123456@c.us', body: '' })
    fake.emitIncoming({ from: '996555123456@c.us', body: '   ' })
    fake.emitIncoming({ from: '996555123456@c.us', type: 'image', body: '' })
    expect(messagesOf(events)).toEqual([])
  })

  it('keeps text, every media kind, location and contact cards', async () => {
    const { fake, events } = await readyFakeEngine()
    fake.emitIncoming({ body: 'text' })
    for (const type of ['image', 'video', 'audio', 'ptt', 'document', 'sticker']) fake.emitIncoming({ type, body: '', hasMedia: true })
    fake.emitIncoming({ type: 'location', body: '', data: { lat: 42.87, lng: 74.59 } })
    fake.emitIncoming({ type: 'vcard', body: 'BEGIN:VCARD\nFN:Айбек\nEND:VCARD' })
    fake.emitIncoming({ type: 'multi_vcard', body: '', data: { vcardList: [{ vcard: 'BEGIN:VCARD\nFN:Айбек\nEND:VCARD' }] } })
    expect(messagesOf(events).map((m) => m.type)).toEqual(['text', 'image', 'video', 'audio', 'voice', 'document', 'sticker', 'location', 'contact', 'contact'])
  })

  it('logs and drops malformed payloads (no id, null body, no sender, not an object) without throwing', async () => {
    const { fake, events, engine } = await readyFakeEngine()
    const errors: unknown[] = []
    process.on('uncaughtException', (err) => errors.push(err))
    fake.emitRawIncoming({ body: 'no id', type: 'chat', from: '996555123456@c.us' })
    fake.emitRawIncoming({
      id: { fromMe: false, remote: '996555123456@c.us', id: 'X', _serialized: 'false_996555123456@c.us_X' },
      body: null,
      type: 'chat',
      from: '996555123456@c.us',
    })
    fake.emitRawIncoming({ id: { fromMe: false, remote: 'x', id: 'Y', _serialized: 'false_x_Y' }, body: 'no sender', type: 'chat' })
    fake.emitRawIncoming(null)
    fake.emitRawIncoming('garbage')
    fake.emitIncoming({ body: 'still alive' })
    expect(messagesOf(events).map((m) => m.body)).toEqual(['still alive'])
    expect(errors).toEqual([])
    expect(engine.getMe()).not.toBeNull()
  })
})

describe('acks (issue 9, point 5)', () => {
  it('reports a send as PENDING (ack 0) and forwards acks of our messages only', async () => {
    const { engine, fake, events } = await readyFakeEngine()
    const sent = await engine.sendText('996555123456@c.us', 'hello')
    expect(sent.ack).toBe('PENDING')
    const incoming = fake.emitIncoming({ body: 'their message' })
    fake.emitAck(incoming, 3) // our own read receipt of their message
    fake.emitAck(sent.id, 1)
    fake.emitAck(sent.id, -1)
    expect(events.filter((e) => e.name === 'message_ack').map((e) => e.args[0])).toEqual([
      { id: sent.id, ack: 'SERVER' },
      { id: sent.id, ack: 'ERROR' },
    ])
  })
})

describe('sending (issue 9, point 12)', () => {
  it('never marks the chat seen on send (sendSeen: false)', async () => {
    const { engine, fake } = await readyFakeEngine()
    await engine.sendText('996555123456@c.us', 'hello')
    expect(fake.lastSent()?.options).toMatchObject({ sendSeen: false })
  })
})

describe('QR that expires (issue 9, point 7)', () => {
  it('sets qrMaxRetries 5: the sixth QR makes the library give up → QR_EXPIRED and the browser closes', async () => {
    const { engine, factory } = fakeEngine()
    const events = record(engine)
    await engine.initialize()
    const fake = factory.last
    expect(fake.options.qrMaxRetries).toBe(5)
    for (let i = 0; i < 5; i++) await fake.showQr()
    expect(events.filter((e) => e.name === 'qr')).toHaveLength(6)
    expect(events.filter((e) => e.name === 'disconnected').map((e) => e.args)).toEqual([['QR_EXPIRED', 'Max qrcode retries reached']])
    expect(fake.pupBrowser?.isConnected()).toBe(false)
  })
})

describe('reasons (issue 9, point 8)', () => {
  it('DEPRECATED_VERSION is reported once, as its own reason', async () => {
    const { fake, events } = await readyFakeEngine()
    await fake.emitState('DEPRECATED_VERSION')
    expect(events.filter((e) => e.name === 'disconnected').map((e) => e.args[0])).toEqual(['DEPRECATED_VERSION'])
  })

  it('a ban is reported at once from change_state, not doubled by the library`s disconnected', async () => {
    const { fake, events } = await readyFakeEngine()
    await fake.emitState('TOS_BLOCK')
    expect(events.filter((e) => e.name === 'disconnected').map((e) => e.args[0])).toEqual(['BANNED'])
  })

  it.each([
    ['CONFLICT', 'CONFLICT'],
    ['UNPAIRED', 'UNPAIRED'],
    ['UNLAUNCHED', 'UNKNOWN'],
    ['PROXYBLOCK', 'NETWORK'],
  ] as const)('%s → %s', async (state, reason) => {
    const { fake, events } = await readyFakeEngine()
    await fake.emitState(state)
    expect(events.filter((e) => e.name === 'disconnected').map((e) => e.args[0])).toEqual([reason])
  })

  it('a TIMEOUT (network drop: no disconnected from the library) becomes NETWORK only if it lasts', async () => {
    const { fake, events } = await readyFakeEngine({ networkDropMs: 50 })
    await fake.emitState('TIMEOUT')
    await fake.emitState('CONNECTED') // came back in time
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(events.filter((e) => e.name === 'disconnected')).toEqual([])
    await fake.emitState('TIMEOUT')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(events.filter((e) => e.name === 'disconnected').map((e) => e.args)).toEqual([['NETWORK', 'TIMEOUT']])
  })
})
