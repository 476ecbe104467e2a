'use client'

import { useMutation } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTRPC } from '~/trpc/react'

/**
 * Reads the open conversation for the organization (and on WhatsApp, per the read-receipts setting):
 * once it has loaded, again when a new customer message arrives while it is open, and when the tab
 * comes back to the foreground after one arrived in the background. A hidden tab reads nothing.
 */
export function useMarkRead(conversationId: string, latestIncomingId: string | null, loaded: boolean) {
  const trpc = useTRPC()
  const { mutate } = useMutation(trpc.conversations.markRead.mutationOptions())
  const lastRead = useRef<string | null>(null)
  useEffect(() => {
    if (!loaded) return
    const key = `${conversationId}:${latestIncomingId ?? ''}`
    const readIfVisible = () => {
      if (document.visibilityState !== 'visible' || lastRead.current === key) return
      lastRead.current = key
      mutate({ conversationId })
    }
    readIfVisible()
    document.addEventListener('visibilitychange', readIfVisible)
    return () => document.removeEventListener('visibilitychange', readIfVisible)
  }, [conversationId, latestIncomingId, loaded, mutate])
}
