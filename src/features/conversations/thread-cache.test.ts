import { describe, expect, it } from 'vitest'
import { NO_MEDIA } from '~/shared/message-media'
import { confirmLocalMessage, LOCAL_ID_PREFIX, patchMessage, removeMessage, upsertMessage, type ThreadData } from './thread-cache'
import type { ThreadMessage } from './use-conversation-messages'

function message(id: string, minute: number, patch: Partial<ThreadMessage> = {}): ThreadMessage {
  return {
    id,
    conversationId: 'c1',
    content: `text ${id}`,
    direction: 'OUTGOING',
    sender: 'HUMAN',
    senderId: 'u1',
    status: 'PENDING',
    language: null,
    error: null,
    createdAt: new Date(Date.UTC(2026, 0, 1, 10, minute)),
    sentAt: null,
    deliveredAt: null,
    readAt: null,
    origin: 'CRM',
    deletedAt: null,
    editedAt: null,
    editHistory: [],
    quietUntil: null,
    ...NO_MEDIA,
    ...patch,
  }
}

function thread(...pages: ThreadMessage[][]): ThreadData {
  return { pages: pages.map((items) => ({ items, hasMore: false, nextCursor: null })), pageParams: pages.map(() => undefined) }
}

const ids = (data: ThreadData | undefined) => data?.pages.map((page) => page.items.map((item) => item.id))

describe('thread cache', () => {
  it('appends a new message to the newest page, in time order', () => {
    const data = thread([message('b', 2), message('d', 4)], [message('a', 1)])
    expect(ids(upsertMessage(data, message('e', 5)))).toEqual([['b', 'd', 'e'], ['a']])
    expect(ids(upsertMessage(data, message('c', 3)))).toEqual([['b', 'c', 'd'], ['a']])
  })

  it('updates a known message wherever it is, but never moves its status back', () => {
    const data = thread([message('b', 2, { status: 'READ' })], [message('a', 1, { status: 'SENT' })])
    const delivered = upsertMessage(data, message('a', 1, { status: 'DELIVERED' }))
    expect(delivered?.pages[1]?.items[0]?.status).toBe('DELIVERED')
    const late = upsertMessage(data, message('b', 2, { status: 'DELIVERED' }))
    expect(late?.pages[0]?.items[0]?.status).toBe('READ')
    const failed = upsertMessage(data, message('b', 2, { status: 'FAILED' }))
    expect(failed?.pages[0]?.items[0]?.status).toBe('FAILED')
  })

  it('replaces the local copy when the confirmed message arrives, so nothing shows twice', () => {
    const local = message(`${LOCAL_ID_PREFIX}1`, 3, { content: 'hello' })
    const data = thread([message('a', 1), local])
    const real = upsertMessage(data, message('m1', 3, { content: 'hello' }))
    expect(ids(real)).toEqual([['a', 'm1']])
    // …and the mutation's answer afterwards finds the real one already there.
    expect(ids(confirmLocalMessage(real, local.id, 'm1'))).toEqual([['a', 'm1']])
  })

  it('gives the local copy its real id when the answer comes before the event', () => {
    const data = thread([message(`${LOCAL_ID_PREFIX}1`, 3)])
    expect(ids(confirmLocalMessage(data, `${LOCAL_ID_PREFIX}1`, 'm1'))).toEqual([['m1']])
  })

  it('removes and patches messages, and leaves an unloaded thread alone', () => {
    const data = thread([message('a', 1), message('b', 2)])
    expect(ids(removeMessage(data, 'a'))).toEqual([['b']])
    expect(patchMessage(data, 'b', { status: 'PENDING', error: null })?.pages[0]?.items[1]?.status).toBe('PENDING')
    expect(upsertMessage(undefined, message('x', 1))).toBeUndefined()
  })
})
