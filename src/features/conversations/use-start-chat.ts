'use client'

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { useTRPC } from '~/trpc/react'

/**
 * Starts (or finds) a chat and opens it with the composer focused (`?compose=1`). A refusal (not on
 * WhatsApp, not connected, a limit) stays on `error` in the server's words; the caller keeps what was typed.
 */
export function useStartChat(onStarted?: () => void) {
  const trpc = useTRPC()
  const router = useRouter()
  const queryClient = useQueryClient()
  return useMutation(
    trpc.conversations.start.mutationOptions({
      onSuccess: (started) => {
        void queryClient.invalidateQueries(trpc.conversations.list.pathFilter())
        onStarted?.()
        router.push(`/conversations/${started.conversationId}?compose=1`)
      },
    }),
  )
}
