/**
 * Read receipts through the real WebjsEngine over the library-shaped fake: `sendSeen` goes to the
 * library's `Client.sendSeen(chatId)` (whatsapp-web.js 1.34.7, src/Client.js:1339-1343), with a phone id
 * resolved first as sends resolve it; the page answers false for a chat it does not have.
 */
import { describe, expect, it } from 'vitest'
import { logger } from '../../../logger'
import { WhatsAppClient } from '../../whatsapp-client'
import { fakeEngine, readyFakeEngine } from './testing/fake-engine-harness'

describe('WebjsEngine.sendSeen over the fake', () => {
  it('marks a customer’s chat read in the page, and zeroes its unread count (the library emits unread_count)', async () => {
    const { engine, fake } = await readyFakeEngine()
    fake.addChat({ id: '996555123456@c.us', unreadCount: 2 })
    const unreadEvents: unknown[] = []
    fake.on('unread_count', (chat) => unreadEvents.push(chat))
    expect(await engine.sendSeen('996555123456@c.us')).toBe(true)
    expect(fake.seen).toEqual(['996555123456@c.us'])
    expect(unreadEvents).toHaveLength(1)
  })

  it('reads a chat the page knows from a customer’s message, and a hidden-number (@lid) chat as it is', async () => {
    const { engine, fake } = await readyFakeEngine()
    fake.emitIncoming({ from: '996555000777@c.us', body: 'Салам' })
    expect(await engine.sendSeen('996555000777@c.us')).toBe(true)
    fake.emitIncoming({ from: '140212345678901@lid', body: 'Привет' })
    expect(await engine.sendSeen('140212345678901@lid')).toBe(true)
    expect(fake.seen).toEqual(['996555000777@c.us', '140212345678901@lid'])
  })

  it('answers false for a chat the page does not have, and refuses when not ready; the client wrapper refuses when not connected', async () => {
    const { engine, fake } = await readyFakeEngine()
    expect(await engine.sendSeen('996555999888@c.us')).toBe(false)
    expect(fake.seen).toEqual([])
    const idle = fakeEngine()
    await expect(idle.engine.sendSeen('996555123456@c.us')).rejects.toMatchObject({ code: 'NOT_CONNECTED' })
    const client = new WhatsAppClient({ organizationId: 'org-fake', log: logger, createEngine: () => idle.engine })
    await expect(client.sendSeen('996555123456@c.us')).rejects.toMatchObject({ code: 'NOT_CONNECTED' })
  })
})
