/**
 * The incoming catch-up's read-back on the real WebjsEngine over the library-shaped fake: private chats
 * active since `since` (the page Store's `t`), each read with `Chat.fetchMessages({ limit, fromMe: false })`,
 * customers' messages only, oldest first, the newest `limit`.
 */
import { describe, expect, it } from 'vitest'
import type { FakeChatInput } from './testing/fake-webjs-client'
import { fakeEngine } from './testing/fake-engine-harness'

const T = 1_700_000_000

async function readyEngine(...args: Parameters<typeof fakeEngine>) {
  const made = fakeEngine(...args)
  await made.engine.initialize()
  await made.factory.last.link()
  return made
}

type ChatMessage = NonNullable<FakeChatInput['messages']>[number]
const incoming = (from: string, body: string, timestamp: number): ChatMessage => ({ from, body, timestamp })

describe('WebjsEngine.findRecentIncoming over the library-shaped fake', () => {
  it('reads back customers’ messages of recently active private chats, oldest first, without groups, own messages or older ones', async () => {
    const { engine } = await readyEngine((client) => {
      client.addChat({
        id: '996555123456@c.us',
        timestamp: T + 30,
        messages: [
          incoming('996555123456@c.us', 'вчерашнее', T - 100),
          incoming('996555123456@c.us', 'Сколько стоит?', T + 10),
          { fromMe: true, to: '996555123456@c.us', body: 'Сейчас проверю', timestamp: T + 20 },
          incoming('996555123456@c.us', 'Жду', T + 30),
        ],
      })
      client.addChat({ id: '12345678901234@lid', timestamp: T + 15, messages: [incoming('12345678901234@lid', 'Салам', T + 15)] })
      // A group and a chat quiet since before `since` are not read.
      client.addChat({ id: '120363000001@g.us', timestamp: T + 40, messages: [incoming('120363000001@g.us', 'в группе', T + 40)] })
      client.addChat({ id: '996555999999@c.us', timestamp: T - 50, messages: [incoming('996555999999@c.us', 'давно', T - 50)] })
    })
    const found = await engine.findRecentIncoming!({ since: T, limit: 100 })
    expect(found.map((m) => [m.from, m.body])).toEqual([
      ['996555123456@c.us', 'Сколько стоит?'],
      ['12345678901234@lid', 'Салам'],
      ['996555123456@c.us', 'Жду'],
    ])
    expect(found.every((m) => !m.fromMe)).toBe(true)
  })

  it('keeps the newest `limit`, and answers NOT_CONNECTED before ready', async () => {
    const messages = Array.from({ length: 6 }, (_, i) => incoming('996555123456@c.us', `m${i}`, T + i))
    const { engine } = await readyEngine((client) => client.addChat({ id: '996555123456@c.us', timestamp: T + 5, messages }))
    expect((await engine.findRecentIncoming!({ since: T, limit: 2 })).map((m) => m.body)).toEqual(['m4', 'm5'])

    const { engine: notReady } = fakeEngine()
    await notReady.initialize()
    await expect(notReady.findRecentIncoming!({ since: T, limit: 2 })).rejects.toMatchObject({ code: 'NOT_CONNECTED' })
  })
})
