/**
 * Whether a number is on WhatsApp, through the real WebjsEngine over the library-shaped fake:
 * `checkNumber` goes to whatsapp-web.js 1.34.7 `Client.getNumberId(number)` (src/Client.js:2224-2237),
 * which resolves with the registered wid, or null for a number that is not on WhatsApp.
 */
import { describe, expect, it } from 'vitest'
import { logger } from '../../../logger'
import { WhatsAppClient } from '../../whatsapp-client'
import { fakeEngine, readyFakeEngine } from './testing/fake-engine-harness'

describe('WebjsEngine.checkNumber over the fake', () => {
  it('answers on WhatsApp with the wid the library resolves, asking the page once per number', async () => {
    const { engine, fake } = await readyFakeEngine()
    expect(await engine.checkNumber('996555123456')).toEqual({ onWhatsApp: true, chatId: '996555123456@c.us' })
    expect(fake.numberQueries).toEqual(['996555123456@c.us'])
  })

  it('uses the id WhatsApp answers when it differs from the typed digits (its canonical form of the number)', async () => {
    const { engine, fake } = await readyFakeEngine()
    fake.registerNumber('5511987654321', '551187654321@c.us')
    expect(await engine.checkNumber('5511987654321')).toEqual({ onWhatsApp: true, chatId: '551187654321@c.us' })
  })

  it('answers not on WhatsApp when the library resolves null, and a send there is refused the same way', async () => {
    const { engine, fake } = await readyFakeEngine()
    fake.unregisterNumber('996555120000')
    expect(await engine.checkNumber('996555120000')).toEqual({ onWhatsApp: false })
    await expect(engine.sendText('996555120000@c.us', 'Салам')).rejects.toMatchObject({ code: 'INVALID_RECIPIENT' })
    expect(fake.sent).toHaveLength(0)
  })

  it('never asks the page about something that is not a number', async () => {
    const { engine, fake } = await readyFakeEngine()
    expect(await engine.checkNumber('12@lid')).toEqual({ onWhatsApp: false })
    expect(await engine.checkNumber('')).toEqual({ onWhatsApp: false })
    expect(fake.numberQueries).toEqual([])
  })

  it('refuses when not ready; the client wrapper refuses when not connected', async () => {
    const idle = fakeEngine()
    await expect(idle.engine.checkNumber('996555123456')).rejects.toMatchObject({ code: 'NOT_CONNECTED' })
    const client = new WhatsAppClient({ organizationId: 'org-fake', log: logger, createEngine: () => idle.engine })
    await expect(client.checkNumber('996555123456')).rejects.toMatchObject({ code: 'NOT_CONNECTED' })
  })

  it('a page that fails (Puppeteer rejects) is an engine error, not an answer', async () => {
    const { engine, fake } = await readyFakeEngine()
    fake.getNumberId = () => Promise.reject(new Error('Evaluation failed: Error: Protocol error (Runtime.callFunctionOn): Target closed.'))
    await expect(engine.checkNumber('996555123456')).rejects.toMatchObject({ name: 'EngineError' })
  })
})
