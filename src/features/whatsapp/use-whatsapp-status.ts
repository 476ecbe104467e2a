'use client'

import { useSubscription } from '@trpc/tanstack-react-query'
import { useTRPC } from '~/trpc/react'
import type { WhatsAppStatusView } from './whatsapp-types'

/**
 * The organization's WhatsApp connection, live: the subscription yields the current state first and
 * then every change (QR rotations included); after a dropped connection it resumes from the last
 * event id. No polling. `view` is null until the first event arrives.
 */
export function useWhatsAppStatus(options: { onChange?: (view: WhatsAppStatusView) => void } = {}) {
  const trpc = useTRPC()
  const subscription = useSubscription(
    trpc.whatsapp.onStatus.subscriptionOptions(undefined, {
      onData: (event) => options.onChange?.(event.data),
    }),
  )
  return {
    view: subscription.data?.data ?? null,
    /** The live link itself: 'connecting' while (re)connecting, 'error' when the server refused. */
    link: subscription.status,
    error: subscription.error,
  }
}
