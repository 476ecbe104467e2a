'use client'

import { useQueryClient } from '@tanstack/react-query'
import { useSubscription } from '@trpc/tanstack-react-query'
import { useCallback } from 'react'
import { useTRPC } from '~/trpc/react'
import type { ThreadData } from './thread-cache'
import { upsertMessage } from './thread-cache'
import { useMessagesQueryKey } from './use-conversation-messages'
import { useAddThreadEntry } from './use-thread-entries'

/**
 * Keeps an open conversation's thread current: new messages and status changes (sent, delivered,
 * read, failed) arrive over the subscription and are written into the cached pages. No reloads, no
 * polling; a dropped connection resumes from the last event it saw.
 */
export function useLiveThread(conversationId: string) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const queryKey = useMessagesQueryKey(conversationId)
  const addEntry = useAddThreadEntry(conversationId)
  // The organization's stream, shared with the list and the shell (sharedSubscriptionLink), filtered here:
  // a stream of its own per thread would hold one more of the browser's 6 connections.
  useSubscription(
    trpc.conversations.onEvents.subscriptionOptions(undefined, {
      onData: ({ data: event }) => {
        if (!('conversationId' in event.data) || event.data.conversationId !== conversationId) return
        // issue 13: notes and system lines of this conversation.
        if (event.type === 'conversation.entry') return void addEntry(event.data.entry)
        if (event.type !== 'message.created' && event.type !== 'message.updated') return
        queryClient.setQueryData<ThreadData>(queryKey, (data) => upsertMessage(data, event.data.message))
      },
    }),
  )
}

/** Writes into the open thread's cache (optimistic sends, retries). */
export function useThreadCache(conversationId: string) {
  const queryClient = useQueryClient()
  const queryKey = useMessagesQueryKey(conversationId)
  return useCallback(
    (update: (data: ThreadData | undefined) => ThreadData | undefined) => queryClient.setQueryData<ThreadData>(queryKey, update),
    // The key is derived from the id only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queryClient, conversationId],
  )
}
