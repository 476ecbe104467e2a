'use client'

import { useQueryClient } from '@tanstack/react-query'
import { useSubscription } from '@trpc/tanstack-react-query'
import { useCoalesced } from '~/components/use-coalesced'
import { useTRPC } from '~/trpc/react'

/** Several events in a burst (a message, its conversation, its acks) cause one refetch. */
const COALESCE_MS = 200

/**
 * Keeps the conversation list current: any message or conversation change in the organization
 * refetches the list, so new conversations appear and active ones move to the top.
 */
export function useLiveConversationList() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const refetch = useCoalesced(() => {
    void queryClient.invalidateQueries(trpc.conversations.list.pathFilter())
    // issue 13: the open conversation's owner and status, and the caller's mentions.
    void queryClient.invalidateQueries(trpc.conversations.byId.pathFilter())
    void queryClient.invalidateQueries(trpc.mentions.list.pathFilter())
  }, COALESCE_MS)
  useSubscription(trpc.conversations.onEvents.subscriptionOptions(undefined, { onData: refetch }))
}
