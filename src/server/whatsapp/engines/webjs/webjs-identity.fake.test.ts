/**
 * WebjsEngine.resolveIdentity over the library-shaped fake: what whatsapp-web.js 1.34.7's
 * getContactLidAndPhone (Client.js:3307-3323) and getContactById (Client.js:1738-1744) answer for
 * hidden and known numbers, and what the engine makes of it.
 */
import { describe, expect, it } from 'vitest'
import { fakeEngine } from './testing/fake-engine-harness'

const tick = () => new Promise((resolve) => setImmediate(resolve))
const LID = '140000000000123@lid'

async function readyEngine(setup?: Parameters<typeof fakeEngine>[0]) {
  const made = fakeEngine((client, index) => {
    client.setSession('restored')
    setup?.(client, index)
  })
  await made.engine.initialize()
  await tick()
  await tick()
  return made
}

describe('WebjsEngine.resolveIdentity', () => {
  it('a hidden number: the LID chat tells no phone', async () => {
    const { engine } = await readyEngine((client) => client.addContact({ id: LID, pushname: 'Айгуль' }))
    await expect(engine.resolveIdentity!(LID)).resolves.toEqual({ lid: LID, phone: null })
  })

  it('a revealed number: the LID chat tells its phone in E.164', async () => {
    const { engine, factory } = await readyEngine((client) => client.addContact({ id: LID }))
    factory.last.addContact({ id: LID, phone: '996700500001@c.us' })
    await expect(engine.resolveIdentity!(LID)).resolves.toEqual({ lid: LID, phone: '+996700500001' })
  })

  it('a phone chat tells its LID once WhatsApp knows it', async () => {
    const { engine } = await readyEngine((client) => client.addContact({ id: '996700500002@c.us', lid: LID }))
    await expect(engine.resolveIdentity!('996700500002@c.us')).resolves.toEqual({ lid: LID, phone: '+996700500002' })
    await expect(engine.resolveIdentity!('996700500003@c.us')).resolves.toEqual({ lid: null, phone: '+996700500003' })
  })

  it('falls back to getContactById when getContactLidAndPhone has no phone (the contact model carries it)', async () => {
    const { engine, factory } = await readyEngine((client) => client.addContact({ id: LID, phone: '996700500004@c.us' }))
    factory.last.getContactLidAndPhone = async (ids) => (Array.isArray(ids) ? ids : [ids]).map((id) => ({ lid: id, pn: undefined }))
    await expect(engine.resolveIdentity!(LID)).resolves.toEqual({ lid: LID, phone: '+996700500004' })
  })

  it('malformed answers and ids are dropped, a failing lookup keeps what the chat id says', async () => {
    const { engine, factory } = await readyEngine()
    factory.last.getContactLidAndPhone = async () => [{ lid: 'abc@lid', pn: '120363000@g.us' }]
    await expect(engine.resolveIdentity!(LID)).resolves.toEqual({ lid: LID, phone: null })
    await expect(engine.resolveIdentity!('not-an-id')).resolves.toEqual({ lid: null, phone: null })
    await expect(engine.resolveIdentity!('120363000@g.us')).resolves.toEqual({ lid: null, phone: null })
    factory.last.getContactLidAndPhone = async () => {
      throw new Error('Evaluation failed: TypeError: Cannot read properties of undefined')
    }
    await expect(engine.resolveIdentity!('996700500005@c.us')).resolves.toEqual({ lid: null, phone: '+996700500005' })
  })

  it('refuses while not connected', async () => {
    const { engine } = fakeEngine()
    await expect(engine.resolveIdentity!(LID)).rejects.toMatchObject({ code: 'NOT_CONNECTED' })
  })
})
