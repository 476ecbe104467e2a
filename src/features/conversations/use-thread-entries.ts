'use client'

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useTRPC } from '~/trpc/react'
import type { ThreadEntry } from './thread-entry'

/** A conversation's notes and system lines (the newest 200), oldest first. */
export function useThreadEntries(conversationId: string) {
  const trpc = useTRPC()
  // Like the messages: live events fill it only while the thread is open, so a return reloads it.
  return useQuery({ ...trpc.conversations.entries.queryOptions({ conversationId }), refetchOnMount: 'always' })
}

/** Adds a live entry to the cached list (idempotent by id). */
export function useAddThreadEntry(conversationId: string) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  return useCallback(
    (entry: ThreadEntry) =>
      queryClient.setQueryData(trpc.conversations.entries.queryKey({ conversationId }), (current: ThreadEntry[] | undefined) =>
        current && !current.some((e) => e.id === entry.id) ? [...current, entry] : current,
      ),
    [queryClient, trpc, conversationId],
  )
}
