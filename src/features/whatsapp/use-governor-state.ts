'use client'

import { useSubscription } from '@trpc/tanstack-react-query'
import { useTRPC } from '~/trpc/react'
import type { RouterOutputs } from '~/trpc/router-types'

export type GovernorStateView = RouterOutputs['whatsapp']['governor']['status']['state']

/**
 * Whether the sending governor has paused bulk and agent sends, live: the current state first, then
 * each pause and resume as it happens (the event bus, resumed by event id after a dropped link). No polling.
 */
export function useGovernorState(options: { onChange?: (state: GovernorStateView) => void } = {}) {
  const trpc = useTRPC()
  const subscription = useSubscription(
    trpc.whatsapp.governor.onState.subscriptionOptions(undefined, {
      onData: (event) => options.onChange?.(event.data),
    }),
  )
  return { state: subscription.data?.data ?? null, link: subscription.status }
}
