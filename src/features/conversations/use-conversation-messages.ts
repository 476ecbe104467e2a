'use client'

import { useInfiniteQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useTRPC, useTRPCClient } from '~/trpc/react'
import type { RouterOutputs } from '~/trpc/router-types'

export type MessagePage = RouterOutputs['conversations']['messages']
export type ThreadMessage = MessagePage['items'][number]

export const MESSAGES_PAGE_SIZE = 50

/**
 * The cache key of a conversation's thread, in tRPC's own key format ([path, { input, type }]), so
 * `trpc.conversations.messages.pathFilter()` / `queryFilter({ conversationId })` match it too.
 */
export function useMessagesQueryKey(conversationId: string) {
  const trpc = useTRPC()
  return [...trpc.conversations.messages.pathKey(), { input: { conversationId }, type: 'infinite' }] as const
}

/**
 * A conversation's messages, oldest first, loading older pages on demand. Pages are newest-first
 * in the cache (page 0 is the latest), so live updates can write into page 0.
 */
export function useConversationMessages(conversationId: string) {
  const client = useTRPCClient()
  const queryKey = useMessagesQueryKey(conversationId)
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => client.conversations.messages.query({ conversationId, cursor: pageParam, limit: MESSAGES_PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: MessagePage) => page.nextCursor ?? undefined,
    // Live events reach the cache only while the thread is open: coming back to it (a phone goes list ↔
    // thread) reloads what arrived meanwhile, however fresh the cache looks.
    refetchOnMount: 'always',
  })
  const messages = useMemo(() => (query.data ? query.data.pages.toReversed().flatMap((page) => page.items) : []), [query.data])
  return {
    messages,
    isPending: query.isPending,
    error: query.error,
    // TanStack Query never rejects these promises: a failure lands in `error`, which the view shows.
    refetch: () => void query.refetch(),
    hasOlder: query.hasNextPage,
    isLoadingOlder: query.isFetchingNextPage,
    loadOlder: () => void query.fetchNextPage(),
  }
}
