'use client'

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useTRPC, useTRPCClient } from '~/trpc/react'
import type { RouterOutputs } from '~/trpc/router-types'
import type { ConversationView } from '~/shared/conversation-assignment'
import type { ConversationStatusFilter } from './conversation-filters'

export type ConversationPage = RouterOutputs['conversations']['list']
export type ConversationSummary = ConversationPage['items'][number]

const PAGE_SIZE = 30

/**
 * Conversations in the order the server returns them (latest activity first), page by page.
 * Keyed in tRPC's format so `trpc.conversations.list.pathFilter()` invalidates it.
 */
export function useConversationList(search: string, filter: { view?: ConversationView; status?: ConversationStatusFilter } = {}) {
  const trpc = useTRPC()
  const client = useTRPCClient()
  const query = useInfiniteQuery({
    queryKey: [...trpc.conversations.list.pathKey(), { input: { search, ...filter }, type: 'infinite' }] as const,
    queryFn: ({ pageParam }) => client.conversations.list.query({ search: search || undefined, ...filter, page: pageParam, pageSize: PAGE_SIZE }),
    initialPageParam: 1,
    getNextPageParam: (last: ConversationPage) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    placeholderData: keepPreviousData,
  })
  const conversations = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data])
  return {
    conversations,
    total: query.data?.pages[0]?.total ?? 0,
    isPending: query.isPending,
    isSearching: query.isPlaceholderData,
    error: query.error,
    // TanStack Query never rejects these promises: a failure lands in `error`, which the view shows.
    refetch: () => void query.refetch(),
    hasMore: query.hasNextPage,
    isLoadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
  }
}
