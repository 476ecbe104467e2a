'use client'

import { useQuery } from '@tanstack/react-query'
import { useTRPC } from '~/trpc/react'

/** Conversations waiting for a reply and with unread messages, and the colour thresholds; kept current by InboxLive. */
export function useInboxCounts() {
  const trpc = useTRPC()
  return useQuery(trpc.conversations.inboxCounts.queryOptions())
}
