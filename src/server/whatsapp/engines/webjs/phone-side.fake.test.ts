/**
 * Issue 9, points 3 and 4, at the engine boundary: the real WebjsEngine (and the WhatsAppClient above
 * it) over the library-shaped fake, which emits what whatsapp-web.js 1.34.7 emits: `message_create` for
 * every new message incl. ours (Client.js:655), `message_revoke_everyone` (after, before)
 * (Client.js:692), `message_edit` (message, newBody, prevBody) (Client.js:971).
 */
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import type { EngineEvents, WaEngine } from '../../engine/types'
import { WhatsAppClient } from '../../whatsapp-client'
import { mapEdit, mapFromMe, mapRevoke } from './mappers'
import { fakeEngine } from './testing/fake-engine-harness'
import { FakeWebjsClient, FakeWebjsClientFactory } from './testing/fake-webjs-client'

const tick = () => new Promise((resolve) => setImmediate(resolve))
const CUSTOMER = '996555123456@c.us'

function recordAll(engine: WaEngine) {
  const events: Array<{ name: keyof EngineEvents; args: unknown[] }> = []
  const names: Array<keyof EngineEvents> = ['message', 'message_from_me', 'message_revoked', 'message_edited']
  for (const name of names) engine.on(name, (...args: unknown[]) => void events.push({ name, args }))
  return events
}

async function readyEngine() {
  const { engine, factory } = fakeEngine((client) => client.setSession('restored'))
  const events = recordAll(engine)
  await engine.initialize()
  await tick()
  await tick()
  return { engine, fake: factory.last, events }
}

describe('mappers for the phone side (pure)', () => {
  const lib = new FakeWebjsClient()

  it('mapFromMe keeps only our own messages, with the customer chat in `to`', () => {
    const mine = lib.message({ fromMe: true, chat: CUSTOMER, body: 'Отвечаю с телефона' })
    expect(mapFromMe(mine)).toMatchObject({ id: mine.id._serialized, fromMe: true, to: CUSTOMER, body: 'Отвечаю с телефона', type: 'text' })
    expect(mapFromMe(lib.message({ fromMe: false, chat: CUSTOMER, body: 'hi' }))).toBeNull()
  })

  it('mapFromMe, mapRevoke and mapEdit drop malformed payloads', () => {
    for (const bad of [null, undefined, {}, { id: null }, { id: {} }, { id: { _serialized: 42 } }, 'text']) {
      expect(mapFromMe(bad)).toBeNull()
      expect(mapRevoke(bad, undefined)).toBeNull()
      expect(mapEdit(bad, 'new', 'old')).toBeNull()
    }
    const msg = lib.message({ fromMe: false, chat: CUSTOMER, body: 'old' })
    expect(mapEdit(msg, null, 'old')).toBeNull()
    expect(mapEdit(msg, 'same', 'same')).toBeNull()
  })

  it('mapRevoke takes the id from `after`, and `before`’s protocol-key id as the alternative', () => {
    const original = lib.message({ fromMe: false, chat: CUSTOMER, body: 'удалю' })
    const after = lib.message({ fromMe: false, chat: CUSTOMER, keyId: original.id.id, type: 'revoked', body: '' })
    const before = lib.message({ fromMe: false, chat: CUSTOMER, keyId: 'PROTOCOLKEY', body: 'удалю' })
    expect(mapRevoke(after, before)).toMatchObject({ id: original.id._serialized, originalId: before.id._serialized, chatId: CUSTOMER, fromMe: false })
    expect(mapRevoke(after, undefined)).toMatchObject({ id: original.id._serialized, chatId: CUSTOMER })
    expect(mapRevoke(after, undefined)).not.toHaveProperty('originalId')
  })
})

describe('WebjsEngine over the fake: phone side', () => {
  it('a reply typed on the phone becomes message_from_me (and never `message`)', async () => {
    const { fake, events } = await readyEngine()
    const typed = fake.emitFromPhone({ to: CUSTOMER, body: 'Да, есть в наличии' })
    expect(events).toEqual([{ name: 'message_from_me', args: [expect.objectContaining({ id: typed.id._serialized, to: CUSTOMER, fromMe: true })] }])
  })

  it('a customer message is `message` only: its message_create (fromMe false) is not ours', async () => {
    const { fake, events } = await readyEngine()
    fake.emitIncoming({ from: CUSTOMER, body: 'Салам' })
    expect(events.map((e) => e.name)).toEqual(['message'])
  })

  it('deleted for everyone → message_revoked, with or without the library’s `before`', async () => {
    const { fake, events } = await readyEngine()
    const a = fake.emitIncoming({ from: CUSTOMER, body: 'первое' })
    const b = fake.emitIncoming({ from: CUSTOMER, body: 'второе' })
    fake.emitRevoke(a)
    fake.emitRevoke(b, false)
    const revokes = events.filter((e) => e.name === 'message_revoked').map((e) => e.args[0])
    expect(revokes).toEqual([
      expect.objectContaining({ id: a.id._serialized, chatId: CUSTOMER, fromMe: false }),
      expect.objectContaining({ id: b.id._serialized, chatId: CUSTOMER, fromMe: false }),
    ])
  })

  it('an edit → message_edited with the new and previous text', async () => {
    const { fake, events } = await readyEngine()
    const msg = fake.emitIncoming({ from: CUSTOMER, body: 'цена 100?' })
    fake.emitEdit(msg, 'цена 200?')
    expect(events.find((e) => e.name === 'message_edited')?.args[0]).toMatchObject({
      id: msg.id._serialized,
      chatId: CUSTOMER,
      body: 'цена 200?',
      previousBody: 'цена 100?',
    })
  })

  it('malformed message_create / revoke / edit payloads are dropped without throwing', async () => {
    const { fake, events } = await readyEngine()
    expect(() => {
      fake.emit('message_create', null)
      fake.emit('message_create', { id: null, fromMe: true })
      fake.emit('message_revoke_everyone', undefined, undefined)
      fake.emit('message_revoke_everyone', { id: {} }, null)
      fake.emit('message_edit', { id: { _serialized: 'x' } }, undefined, 'old')
      fake.emit('message_edit', null, 'new', 'old')
    }).not.toThrow()
    expect(events).toEqual([])
  })
})

describe('WhatsAppClient over the fake engine: own sends are not phone replies', () => {
  async function connectedClient() {
    const factory = new FakeWebjsClientFactory((c) => c.setSession('restored'))
    const client = new WhatsAppClient({
      organizationId: 'org-fake',
      log: pino({ level: 'silent' }),
      createEngine: () => fakeEngine(undefined, { clientFactory: factory.create }).engine,
    })
    const fromMe: Array<{ id: string; body: string }> = []
    client.on('message_from_me', (message) => void fromMe.push(message))
    const ready = new Promise((resolve) => client.once('ready', resolve))
    await client.initialize()
    await ready
    return { client, fake: factory.last, fromMe }
  }

  it('the echo of our own send (emitted before sendMessage resolves) is dropped', async () => {
    const { client, fake, fromMe } = await connectedClient()
    const sent = await client.sendMessage(CUSTOMER, 'from the CRM')
    await tick()
    // The library announced it (message_create, fromMe) while sendMessage was still running.
    expect(fake.lastSent()?.message.id._serialized).toBe(sent.id)
    expect(fromMe).toEqual([])
    expect(client.isOwnSend(sent.id)).toBe(true)
    await client.destroy()
  })

  it('a phone reply passes, also when it arrives while one of our sends is in flight', async () => {
    const { client, fake, fromMe } = await connectedClient()
    const typed = fake.emitFromPhone({ to: CUSTOMER, body: 'с телефона 1' })
    await tick()
    expect(fromMe.map((m) => m.id)).toEqual([typed.id._serialized])
    // A phone reply during a send: held until the send returns, then let through (it is not our id).
    let during: string | null = null
    const original = fake.sendMessage.bind(fake)
    fake.sendMessage = async (chatId, content, options) => {
      during = fake.emitFromPhone({ to: CUSTOMER, body: 'с телефона 2' }).id._serialized
      await tick()
      expect(fromMe).toHaveLength(1)
      return original(chatId, content, options)
    }
    await client.sendMessage(CUSTOMER, 'from the CRM')
    await tick()
    expect(fromMe.map((m) => m.id)).toEqual([typed.id._serialized, during])
    await client.destroy()
  })
})
