import { createTRPCClient, type TRPCLink } from '@trpc/client'
import { observable, type Observer } from '@trpc/server/observable'
import { describe, expect, it } from 'vitest'
import type { AppRouter } from '~/server/api/root'
import { sharedSubscriptionLink } from './shared-subscription-link'

/** A terminating link standing in for httpSubscriptionLink: counts the streams it opens and lets the test push into them. */
function fakeStreams() {
  const open = new Map<string, Observer<unknown, unknown>>()
  let opened = 0
  const link: TRPCLink<AppRouter> =
    () =>
    ({ op }) =>
      observable((observer) => {
        opened += 1
        const key = `${op.path}:${JSON.stringify(op.input ?? null)}`
        open.set(key, observer as Observer<unknown, unknown>)
        observer.next({ result: { type: 'started' } } as never)
        return () => open.delete(key)
      })
  return { link, open, opened: () => opened }
}

describe('sharedSubscriptionLink', () => {
  it('opens one stream for every subscriber of the same procedure and input, and closes it with the last', () => {
    const fake = fakeStreams()
    const client = createTRPCClient<AppRouter>({ links: [sharedSubscriptionLink<AppRouter>(), fake.link] })
    const seen: Record<string, unknown[]> = { a: [], b: [], c: [] }
    const started: Record<string, number> = { a: 0, b: 0, c: 0 }
    const subscribe = (name: string, input?: { conversationId: string }) =>
      client.conversations.onEvents.subscribe(input, { onData: (data) => seen[name]!.push(data), onStarted: () => (started[name]! += 1) })

    const a = subscribe('a')
    const b = subscribe('b')
    expect(fake.opened()).toBe(1)
    // A late subscriber is told the stream has started.
    expect(started).toMatchObject({ a: 1, b: 1 })
    const c = subscribe('c', { conversationId: 'x' })
    expect(fake.opened()).toBe(2)

    fake.open.get('conversations.onEvents:null')!.next({ result: { type: 'data', data: { n: 1 } } })
    expect(seen.a).toEqual([{ n: 1 }])
    expect(seen.b).toEqual([{ n: 1 }])
    expect(seen.c).toEqual([])

    a.unsubscribe()
    expect(fake.open.has('conversations.onEvents:null')).toBe(true)
    b.unsubscribe()
    expect(fake.open.has('conversations.onEvents:null')).toBe(false)
    // Subscribing again opens a new stream.
    const d = subscribe('a')
    expect(fake.opened()).toBe(3)
    d.unsubscribe()
    c.unsubscribe()
    expect(fake.open.size).toBe(0)
  })
})
