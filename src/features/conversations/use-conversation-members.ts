'use client'

import { useQuery } from '@tanstack/react-query'
import { useTRPC } from '~/trpc/react'

/** The organization's active members (assign menu, @mentions), cached for a minute. */
export function useConversationMembers() {
  const trpc = useTRPC()
  return useQuery({ ...trpc.conversations.members.queryOptions({}), staleTime: 60_000 })
}
