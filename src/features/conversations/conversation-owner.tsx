'use client'

import { useTranslations } from 'next-intl'
import { useCurrentUser } from '../shell/current-user'
import type { ConversationSummary } from './use-conversation-list'

/** A list row's owner line: "Mine", the owner's name, or nothing when unassigned; plus resolved/snoozed. */
export function ConversationOwner({ conversation }: { conversation: Pick<ConversationSummary, 'assignee' | 'status'> }) {
  const t = useTranslations('inbox')
  const me = useCurrentUser()
  const owner = conversation.assignee ? (conversation.assignee.id === me.id ? t('mine') : conversation.assignee.name) : null
  if (!owner && conversation.status === 'OPEN') return null
  return (
    <p className="flex min-w-0 items-center gap-1.5 text-xs text-slate-500" data-testid="conversation-owner">
      {owner && <span className="truncate">👤 {owner}</span>}
      {conversation.status !== 'OPEN' && <span className="shrink-0 rounded bg-slate-100 px-1">{t(`status.${conversation.status}`)}</span>}
    </p>
  )
}
