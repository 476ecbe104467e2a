/**
 * The real WebjsEngine over the library-shaped fake client (./testing/fake-webjs-client.ts): what the
 * engine makes of each event and answer of whatsapp-web.js 1.34.7, without a browser.
 */
import { describe, expect, it } from 'vitest'
import { fakeEngine, record } from './testing/fake-engine-harness'

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
