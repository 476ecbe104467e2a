'use client'

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useSubscription } from '@trpc/tanstack-react-query'
import { useTRPC } from '~/trpc/react'
import type { RouterOutputs } from '~/trpc/router-types'

export type GovernorStateView = RouterOutputs['whatsapp']['governor']['status']['state']

/**
 * Whether the sending governor has paused bulk and agent sends, live: the current state from
 * `whatsapp.governor.status`, then each pause and resume as a `governor.state` event on the
 * organization's stream (`conversations.onEvents`, the one stream a tab shares: sharedSubscriptionLink).
 * No polling.
 */
export function useGovernorState(options: { onChange?: (state: GovernorStateView) => void } = {}) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const status = useQuery(trpc.whatsapp.governor.status.queryOptions())
  const subscription = useSubscription(
    trpc.conversations.onEvents.subscriptionOptions(undefined, {
      onData: ({ data: event }) => {
        if (event.type !== 'governor.state') return
        queryClient.setQueryData(trpc.whatsapp.governor.status.queryKey(), (old) => (old ? { ...old, state: event.data } : old))
        options.onChange?.(event.data)
      },
    }),
  )
  return { state: status.data?.state ?? null, link: subscription.status }
}
