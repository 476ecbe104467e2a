/**
 * Ack reconciliation through the real WebjsEngine over the library-shaped fake: receipts that reached
 * no listener are read back with `getMessageById` (whatsapp-web.js 1.34.7, src/Client.js:1751-1771).
 */
import { describe, expect, it } from 'vitest'
import { WhatsAppClient } from '../../whatsapp-client'
import { logger } from '../../../logger'
import { fakeEngine, readyFakeEngine } from './testing/fake-engine-harness'

describe('WebjsEngine.getMessageAcks over the fake', () => {
  it('answers the current ack of our sent messages, though no message_ack was emitted', async () => {
    const { engine, fake, events } = await readyFakeEngine()
    const read = await engine.sendText('996555123456@c.us', 'Сейчас проверю цену')
    const delivered = await engine.sendText('996555123456@c.us', '1 200 сом')
    const pending = await engine.sendText('996555123456@c.us', 'ещё в пути')
    fake.setAckSilently(read.id, 3)
    fake.setAckSilently(delivered.id, 2)
    expect(events.filter((e) => e.name === 'message_ack')).toEqual([])
    const answers = await engine.getMessageAcks!([read.id, delivered.id, pending.id])
    expect(answers).toEqual([
      { id: read.id, ack: 'READ' },
      { id: delivered.id, ack: 'DEVICE' },
      { id: pending.id, ack: 'PENDING' },
    ])
  })

  it('leaves out ids the page does not know, malformed ids (the page throws) and customers’ messages', async () => {
    const { engine, fake } = await readyFakeEngine()
    const ours = await engine.sendText('996555123456@c.us', 'hello')
    fake.setAckSilently(ours.id, 4)
    const incoming = fake.emitIncoming({ from: '996555123456@c.us', body: 'Салам' })
    const answers = await engine.getMessageAcks!(['true_996555123456@c.us_3EB0UNKNOWN', 'not-an-id', incoming.id._serialized, ours.id])
    expect(answers).toEqual([{ id: ours.id, ack: 'PLAYED' }])
  })

  it('refuses when not ready, and the client wrapper answers [] when not connected', async () => {
    const { engine } = fakeEngine()
    await expect(engine.getMessageAcks!(['true_996555123456@c.us_X'])).rejects.toMatchObject({ code: 'NOT_CONNECTED' })
    const client = new WhatsAppClient({ organizationId: 'org-fake', log: logger, createEngine: () => engine })
    expect(await client.getMessageAcks(['true_996555123456@c.us_X'])).toEqual([])
  })
})
