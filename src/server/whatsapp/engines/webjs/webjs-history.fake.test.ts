/**
 * History import's reads on the real WebjsEngine over the library-shaped fake (issue 9, point 10): the
 * cheap chat list from the page Store, the wait for a stable chat list, short fetches, protocolTimeout.
 */
import { describe, expect, it } from 'vitest'
import { waitForStableChatList } from '~/server/import/history/chat-list-wait'
import { fakeEngine } from './testing/fake-engine-harness'

const tick = () => new Promise((resolve) => setImmediate(resolve))

async function readyEngine(...args: Parameters<typeof fakeEngine>) {
  const made = fakeEngine(...args)
  await made.engine.initialize()
  await made.factory.last.link()
  return made
}

describe('WebjsEngine history reads over the library-shaped fake', () => {
  it('passes protocolTimeout to Puppeteer through the client options', async () => {
    const { factory } = fakeEngine(undefined, { protocolTimeoutMs: 123_000 })
    expect((factory.last.options.puppeteer as Record<string, unknown>).protocolTimeout).toBe(123_000)
    const { factory: plain } = fakeEngine()
    expect((plain.last.options.puppeteer as Record<string, unknown>).protocolTimeout).toBeUndefined()
  })

  it('lists chats from the page Store in one evaluate, groups flagged, without the library getChats', async () => {
    const { engine, factory } = await readyEngine((client) => {
      client.addChat({ id: '996555123456@c.us', name: 'Айгуль', unreadCount: 2, timestamp: 1_700_000_000 })
      client.addChat({ id: '120363000001@g.us', name: 'Team' })
      client.addChat({ id: '12345678901234@lid' })
      // The full-model path must not be taken (Client.js:1668 → Injected/Utils.js:920-1000).
      client.getChats = () => Promise.reject(new Error('full getChats used'))
    })
    const chats = await engine.getChats!()
    expect(factory.last.pageEvaluations).toBe(1)
    expect(chats).toEqual([
      { id: '996555123456@c.us', name: 'Айгуль', isGroup: false, unreadCount: 2, lastMessageAt: 1_700_000_000 },
      { id: '120363000001@g.us', name: 'Team', isGroup: true, unreadCount: 0 },
      { id: '12345678901234@lid', isGroup: false, unreadCount: 0 },
    ])
  })

  it('waits until the chat list stops growing before it is read', async () => {
    const { engine, factory } = await readyEngine((client) => client.addChat({ id: '996555000101@c.us' }))
    // WhatsApp Web keeps adding chats after ready: three more, 40 ms apart.
    let added = 0
    const timer = setInterval(() => {
      added += 1
      factory.last.addChat({ id: `99655500010${added + 1}@c.us` })
      if (added === 3) clearInterval(timer)
    }, 40)
    const listed = await waitForStableChatList(() => engine.getChats!(), { stableMs: 150, maxMs: 5_000, pollMs: 10 })
    expect(listed.stable).toBe(true)
    expect(listed.chats).toHaveLength(4)
    expect(listed.reads).toBeGreaterThan(5)
  })

  it('stops waiting at the cap while the list still grows', async () => {
    const { engine, factory } = await readyEngine()
    let n = 0
    const timer = setInterval(() => factory.last.addChat({ id: `9965550${String(++n).padStart(5, '0')}@c.us` }), 10)
    try {
      const started = Date.now()
      const listed = await waitForStableChatList(() => engine.getChats!(), { stableMs: 200, maxMs: 150, pollMs: 15 })
      expect(listed.stable).toBe(false)
      expect(Date.now() - started).toBeLessThan(1_000)
      expect(listed.chats.length).toBeGreaterThan(0)
    } finally {
      clearInterval(timer)
    }
  })

  it('fetchMessages returns only what WhatsApp Web has loaded (fewer than asked)', async () => {
    const messages = Array.from({ length: 8 }, (_, i) => ({ from: '996555123456@c.us', body: `m${i}`, timestamp: 1_700_000_000 + i }))
    const { engine } = await readyEngine((client) => client.addChat({ id: '996555123456@c.us', messages, loaded: 3 }))
    await tick()
    const fetched = await engine.fetchMessages!('996555123456@c.us', 500)
    expect(fetched.map((m) => m.body)).toEqual(['m5', 'm6', 'm7'])
  })
})
