'use client'

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useSubscription } from '@trpc/tanstack-react-query'
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useEffect } from 'react'
import { useCoalesced } from '~/components/use-coalesced'
import { useTRPC } from '~/trpc/react'
import { useClientDisplayName } from '../clients/client-display-name'
import { isMineOrUnassigned } from '~/shared/conversation-assignment'
import { askPermissionOnce, claimAlert, playChime, showNotification, unlockSound } from './new-message-alert'
import { useInboxCounts } from './use-inbox-counts'
import { titleWithCount } from './waiting-level'

/** Events in a burst (a message, its conversation) cause one refetch of the counts. */
const COALESCE_MS = 200

/**
 * Mounted once in the signed-in frame: follows the organization's conversation events to keep the
 * waiting and unread counts current (no polling), shows the waiting count in the tab title, and alerts
 * (notification and chime) on a new customer message while the tab is in the background, for
 * conversations that are the operator's or nobody's, unless the operator switched alerts off.
 */
export function InboxLive({ userId }: { userId: string }) {
  const t = useTranslations('inbox')
  const trpc = useTRPC()
  const router = useRouter()
  const queryClient = useQueryClient()
  const displayName = useClientDisplayName()
  const counts = useInboxCounts()
  const me = useQuery(trpc.user.me.queryOptions())
  const notificationsOn = me.data?.notifications ?? false
  const refreshCounts = useCoalesced(() => void queryClient.invalidateQueries(trpc.conversations.inboxCounts.queryFilter()), COALESCE_MS)

  // useSubscription calls the latest onData (tRPC keeps the options of the last render), so this sees current state.
  const alert = async (conversationId: string, messageId: string, content: string) => {
    if (!notificationsOn || document.visibilityState === 'visible') return
    const conversation = await queryClient.fetchQuery(trpc.conversations.byId.queryOptions({ conversationId })).catch(() => null)
    if (!conversation || !isMineOrUnassigned(conversation, userId) || !claimAlert(messageId)) return
    playChime()
    showNotification({
      title: t('notificationTitle', { name: displayName(conversation.client) }),
      body: content.length > 140 ? `${content.slice(0, 139)}…` : content,
      tag: conversationId,
      onClick: () => router.push(`/conversations/${conversationId}`),
    })
  }

  useSubscription(
    trpc.conversations.onEvents.subscriptionOptions(undefined, {
      onData: ({ data: event }) => {
        if (event.type === 'conversation.updated') refreshCounts()
        if (event.type === 'message.created' && event.data.message.direction === 'INCOMING') {
          void alert(event.data.conversationId, event.data.message.id, event.data.message.content)
        }
      },
    }),
  )

  // The browser lets a page play sound and ask for notifications after a click: both on the first one.
  useEffect(() => {
    if (!notificationsOn) return
    const onFirstGesture = () => {
      unlockSound()
      void askPermissionOnce().catch(() => undefined)
    }
    window.addEventListener('pointerdown', onFirstGesture, { once: true })
    return () => window.removeEventListener('pointerdown', onFirstGesture)
  }, [notificationsOn])

  // "(3) Conversations · Soul CRM": kept when a navigation changes the title.
  const waiting = counts.data?.waiting ?? 0
  useEffect(() => {
    const apply = () => {
      const next = titleWithCount(document.title, waiting)
      if (next !== document.title) document.title = next
    }
    apply()
    const observer = new MutationObserver(apply)
    observer.observe(document.head, { subtree: true, childList: true, characterData: true })
    return () => observer.disconnect()
  }, [waiting])

  return null
}
