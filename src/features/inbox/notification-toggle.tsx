'use client'

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { BellIcon, BellOffIcon } from '~/components/icons'
import { useTRPC } from '~/trpc/react'
import { askPermissionOnce, unlockSound } from './new-message-alert'

/** The operator's own switch for new-message notifications and sound (saved on the user, so every browser follows). */
export function NotificationToggle() {
  const t = useTranslations('inbox')
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const me = useQuery(trpc.user.me.queryOptions())
  const save = useMutation(
    trpc.user.setNotifications.mutationOptions({
      onSuccess: ({ notifications }) => {
        queryClient.setQueryData(trpc.user.me.queryKey(), (old) => (old ? { ...old, notifications } : old))
      },
    }),
  )
  if (!me.data) return null
  const on = me.data.notifications
  const label = on ? t('notificationsOn') : t('notificationsOff')
  return (
    <button
      type="button"
      data-testid="notifications-toggle"
      aria-pressed={on}
      aria-label={label}
      title={label}
      disabled={save.isPending}
      onClick={() => {
        const next = !on
        if (next) {
          // A click is the gesture browsers want for sound and the permission prompt.
          unlockSound()
          void askPermissionOnce(true).catch(() => undefined)
        }
        save.mutate({ enabled: next })
      }}
      className="rounded-lg p-2 text-slate-600 hover:bg-slate-100 disabled:opacity-60"
    >
      {on ? <BellIcon /> : <BellOffIcon className="size-5 text-slate-400" />}
    </button>
  )
}
