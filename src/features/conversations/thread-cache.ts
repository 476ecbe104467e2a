/**
 * Pure updates of a conversation's cached thread (an infinite query: pages newest first, each page's
 * items oldest to newest). Live events, optimistic sends and retries all go through these.
 */
import type { InfiniteData } from '@tanstack/react-query'
import { mayReplace } from '~/shared/message-status'
import type { MessagePage, ThreadMessage } from './use-conversation-messages'

export type ThreadData = InfiniteData<MessagePage, string | undefined>

/** Ids of messages shown before the server confirmed them. */
export const LOCAL_ID_PREFIX = 'local-'

function insertSorted(items: ThreadMessage[], message: ThreadMessage): ThreadMessage[] {
  const at = items.findIndex((item) => item.createdAt.getTime() > message.createdAt.getTime())
  return at === -1 ? [...items, message] : [...items.slice(0, at), message, ...items.slice(at)]
}

function mapPages(data: ThreadData, fn: (items: ThreadMessage[]) => ThreadMessage[]): ThreadData {
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: fn(page.items) })) }
}

/**
 * Adds a new message or updates a known one. A confirmed outgoing message takes the place of the
 * local (optimistic) copy with the same text, so it never shows twice.
 */
export function upsertMessage(data: ThreadData | undefined, message: ThreadMessage): ThreadData | undefined {
  if (!data) return data
  const known = data.pages.some((page) => page.items.some((item) => item.id === message.id))
  if (known) {
    return mapPages(data, (items) => items.map((item) => (item.id === message.id && mayReplace(item.status, message.status) ? message : item)))
  }
  if (message.direction === 'OUTGOING') {
    const local = data.pages.flatMap((page) => page.items).find((item) => item.id.startsWith(LOCAL_ID_PREFIX) && item.content === message.content.trim())
    if (local) return mapPages(data, (items) => items.map((item) => (item.id === local.id ? message : item)))
  }
  const [first, ...rest] = data.pages
  if (!first) return data
  return { ...data, pages: [{ ...first, items: insertSorted(first.items, message) }, ...rest] }
}

/** Removes a message (a local copy whose send was refused). */
export function removeMessage(data: ThreadData | undefined, id: string): ThreadData | undefined {
  if (!data) return data
  return mapPages(data, (items) => items.filter((item) => item.id !== id))
}

/** The local copy becomes the stored message `id` (unless the live event already put it there). */
export function confirmLocalMessage(data: ThreadData | undefined, localId: string, id: string): ThreadData | undefined {
  if (!data) return data
  const hasReal = data.pages.some((page) => page.items.some((item) => item.id === id))
  if (hasReal) return removeMessage(data, localId)
  return mapPages(data, (items) => items.map((item) => (item.id === localId ? { ...item, id } : item)))
}

/** Changes fields of one message (a retry puts it back to PENDING). */
export function patchMessage(data: ThreadData | undefined, id: string, patch: Partial<ThreadMessage>): ThreadData | undefined {
  if (!data) return data
  return mapPages(data, (items) => items.map((item) => (item.id === id ? { ...item, ...patch } : item)))
}
