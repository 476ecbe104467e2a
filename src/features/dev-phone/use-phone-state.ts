'use client'

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useSubscription } from '@trpc/tanstack-react-query'
import { useState } from 'react'
import { useCoalesced } from '~/components/use-coalesced'
import { useTRPC } from '~/trpc/react'
import type { RouterOutputs } from '~/trpc/router-types'
import { useWhatsAppStatus } from '../whatsapp/use-whatsapp-status'

export type PhoneState = RouterOutputs['devPhone']['state']
export type OutboxEntry = PhoneState['outbox'][number]

const COALESCE_MS = 150

/**
 * The simulated phone's state. It changes when QA acts here, when the CRM's connection changes and
 * when the business sends (message events): each of those refetches it; nothing polls.
 */
export function usePhoneState() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const query = useQuery(trpc.devPhone.state.queryOptions())
  const refresh = useCoalesced(() => void queryClient.invalidateQueries(trpc.devPhone.state.pathFilter()), COALESCE_MS)

  const status = useWhatsAppStatus({ onChange: refresh })
  useSubscription(trpc.conversations.onEvents.subscriptionOptions(undefined, { onData: refresh }))

  return { query, status: status.view, refresh }
}

/**
 * One phone action (scan, ban, send as customer…): the phone's state is refetched after it, and its
 * localized error is kept until the next action.
 */
export function usePhoneActions() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [error, setError] = useState<string | null>(null)
  const options = {
    onMutate: () => setError(null),
    onError: (err: { message: string }) => setError(err.message),
    onSettled: () => queryClient.invalidateQueries(trpc.devPhone.state.pathFilter()),
  }
  return {
    error,
    clearError: () => setError(null),
    scan: useMutation(trpc.devPhone.scan.mutationOptions(options)),
    logout: useMutation(trpc.devPhone.logout.mutationOptions(options)),
    ban: useMutation(trpc.devPhone.ban.mutationOptions(options)),
    unban: useMutation(trpc.devPhone.unban.mutationOptions(options)),
    setNetwork: useMutation(trpc.devPhone.setNetwork.mutationOptions(options)),
    failNextSends: useMutation(trpc.devPhone.failNextSends.mutationOptions(options)),
    sendAsCustomer: useMutation(trpc.devPhone.sendAsCustomer.mutationOptions(options)),
    revealNumber: useMutation(trpc.devPhone.revealNumber.mutationOptions(options)),
    replyFromPhone: useMutation(trpc.devPhone.replyFromPhone.mutationOptions(options)),
    deleteMessage: useMutation(trpc.devPhone.deleteMessage.mutationOptions(options)),
    editMessage: useMutation(trpc.devPhone.editMessage.mutationOptions(options)),
    sendNotice: useMutation(trpc.devPhone.sendNotice.mutationOptions(options)),
    failNextAcks: useMutation(trpc.devPhone.failNextAcks.mutationOptions(options)),
    stallLogins: useMutation(trpc.devPhone.stallLogins.mutationOptions(options)),
    expireQr: useMutation(trpc.devPhone.expireQr.mutationOptions(options)),
  }
}

export type PhoneActions = ReturnType<typeof usePhoneActions>

/** "996700123456@c.us" or "+996 700 123 456" → "996700123456", to match outbox entries to a customer. */
export function phoneDigits(value: string): string {
  return value.split('@')[0]!.replace(/\D/g, '')
}
