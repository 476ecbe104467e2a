'use client'

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useEffect } from 'react'
import { Badge } from '~/components/badge'
import { Button } from '~/components/button'
import { Select } from '~/components/select'
import { useTRPC } from '~/trpc/react'
import { useDateFormatter } from '~/components/use-date-formatter'
import { useCurrentUser } from '../shell/current-user'
import { isAdminRole } from '../shell/roles'
import { useConversationMembers } from './use-conversation-members'

/** Snooze choices, in ms from now (tomorrow 9:00 is computed). */
const SNOOZE_CHOICES = ['1h', '3h', 'tomorrow', 'week'] as const

function snoozeUntil(choice: (typeof SNOOZE_CHOICES)[number]): Date {
  const now = new Date()
  if (choice === '1h') return new Date(now.getTime() + 3_600_000)
  if (choice === '3h') return new Date(now.getTime() + 3 * 3_600_000)
  const day = new Date(now)
  day.setDate(day.getDate() + (choice === 'week' ? 7 : 1))
  day.setHours(9, 0, 0, 0)
  return day
}

/**
 * The bar under a conversation's header: who owns it (admins pick anyone; operators take an unassigned
 * one or give back their own), resolve or reopen, snooze. Changes arrive live for everyone.
 */
export function ConversationActions({ conversationId }: { conversationId: string }) {
  const t = useTranslations('inbox')
  const trpc = useTRPC()
  const me = useCurrentUser()
  const queryClient = useQueryClient()
  const admin = isAdminRole(me.role)
  const format = useDateFormatter()
  const conversation = useQuery(trpc.conversations.byId.queryOptions({ conversationId }))
  const members = useConversationMembers()
  const refresh = () => {
    void queryClient.invalidateQueries(trpc.conversations.byId.queryFilter({ conversationId }))
    void queryClient.invalidateQueries(trpc.conversations.list.pathFilter())
  }
  const assign = useMutation(trpc.conversations.assign.mutationOptions({ onSettled: refresh }))
  const setStatus = useMutation(trpc.conversations.setStatus.mutationOptions({ onSettled: refresh }))
  const snooze = useMutation(trpc.conversations.snooze.mutationOptions({ onSettled: refresh }))
  const markRead = useMutation(trpc.mentions.markRead.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries(trpc.mentions.list.pathFilter()) }))
  const { mutate: markMentionsRead } = markRead

  // Opening a conversation reads the caller's mentions in it.
  useEffect(() => {
    markMentionsRead({ conversationId })
  }, [conversationId, markMentionsRead])

  const data = conversation.data
  if (!data) return null
  const busy = assign.isPending || setStatus.isPending || snooze.isPending
  const error = assign.error ?? setStatus.error ?? snooze.error
  const mine = data.assigneeId === me.id

  return (
    <div className="flex shrink-0 flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-3 py-2 sm:px-4" data-testid="conversation-actions">
      {admin ? (
        <Select
          aria-label={t('assignee')}
          data-testid="assignee-select"
          value={data.assigneeId ?? ''}
          disabled={busy}
          onChange={(event) => assign.mutate({ conversationId, assigneeId: event.target.value || null })}
          className="w-44 max-sm:flex-1"
        >
          <option value="">{t('unassigned')}</option>
          {(members.data ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
              {m.online ? ` • ${t('online')}` : ''}
            </option>
          ))}
        </Select>
      ) : (
        <span className="text-sm text-slate-600" data-testid="assignee-name">
          {data.assignee ? t('assignedTo', { name: data.assignee.name }) : t('unassigned')}
        </span>
      )}
      {!data.assigneeId && (
        <Button size="sm" variant="secondary" disabled={busy} onClick={() => assign.mutate({ conversationId, assigneeId: me.id })} data-testid="assign-to-me">
          {t('assignToMe')}
        </Button>
      )}
      {mine && !admin && (
        <Button size="sm" variant="ghost" disabled={busy} onClick={() => assign.mutate({ conversationId, assigneeId: null })} data-testid="unassign-me">
          {t('giveBack')}
        </Button>
      )}
      <div className="ml-auto flex items-center gap-2">
        {data.status === 'SNOOZED' && data.snoozedUntil && (
          <Badge tone="violet">{t('snoozedUntil', { at: format.dateTime(data.snoozedUntil, { dateStyle: 'medium', timeStyle: 'short' }) })}</Badge>
        )}
        {data.status === 'RESOLVED' && <Badge tone="green">{t('status.RESOLVED')}</Badge>}
        {data.status === 'OPEN' ? (
          <>
            <Select
              aria-label={t('snooze')}
              data-testid="snooze-select"
              value=""
              disabled={busy}
              onChange={(event) => {
                const choice = event.target.value as (typeof SNOOZE_CHOICES)[number]
                if (choice) snooze.mutate({ conversationId, until: snoozeUntil(choice) })
              }}
              className="w-32"
            >
              <option value="">{t('snooze')}</option>
              {SNOOZE_CHOICES.map((c) => (
                <option key={c} value={c}>
                  {t(`snoozeFor.${c}`)}
                </option>
              ))}
            </Select>
            <Button size="sm" disabled={busy} onClick={() => setStatus.mutate({ conversationId, status: 'RESOLVED' })} data-testid="resolve">
              {t('resolve')}
            </Button>
          </>
        ) : (
          <Button size="sm" variant="secondary" disabled={busy} onClick={() => setStatus.mutate({ conversationId, status: 'OPEN' })} data-testid="reopen">
            {t('reopen')}
          </Button>
        )}
      </div>
      {error && (
        <p role="alert" className="w-full text-xs text-red-700">
          {error.message}
        </p>
      )}
    </div>
  )
}
