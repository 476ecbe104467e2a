import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { Avatar } from '~/components/avatar'
import { cx } from '~/components/class-names'
import { formatPhone } from '~/components/phone-text'
import { useClientDisplayName } from '../clients/client-display-name'
import { ConversationInboxBadges } from '../inbox/conversation-inbox-badges'
import { MessageStatusIcon } from './message-status-icon'
import { useListTime } from './use-chat-dates'
import type { ConversationSummary } from './use-conversation-list'
import { ConversationOwner } from './conversation-owner'

/** A row in the conversation list: who, the last message and when. */
export function ConversationListItem({ conversation, active }: { conversation: ConversationSummary; active: boolean }) {
  const t = useTranslations('conversations')
  const listTime = useListTime()
  const displayName = useClientDisplayName()
  const { client, lastMessage } = conversation
  const name = displayName(client)
  const at = lastMessage?.createdAt ?? conversation.lastMessageAt
  const outgoing = lastMessage?.direction === 'OUTGOING'
  return (
    <li>
      <Link
        href={`/conversations/${conversation.id}`}
        data-testid="conversation-item"
        aria-current={active ? 'page' : undefined}
        className={cx('flex items-center gap-3 px-3 py-3 transition-colors sm:px-4', active ? 'bg-brand-50/80' : 'hover:bg-slate-50')}
      >
        <Avatar name={client.name ?? ''} seed={client.id} />
        <div className="min-w-0 flex-1">
          <div className="flex items-baseline justify-between gap-2">
            <p className="truncate text-sm font-semibold text-slate-900" data-testid="conversation-name">
              {name}
            </p>
            {at && <span className="shrink-0 text-xs text-slate-500 tabular-nums">{listTime(at)}</span>}
          </div>
          {client.name && client.phone && <p className="truncate text-xs text-slate-400 tabular-nums">{formatPhone(client.phone)}</p>}
          <ConversationOwner conversation={conversation} />
          <p className="mt-0.5 flex min-w-0 items-center gap-1 text-sm text-slate-600" data-testid="conversation-preview">
            {outgoing && lastMessage && <MessageStatusIcon status={lastMessage.status} className="shrink-0" />}
            {outgoing && <span className="shrink-0 text-slate-400">{t('you')}:</span>}
            <span className="truncate">{lastMessage?.content ?? t('noMessages')}</span>
            <ConversationInboxBadges unreadCount={conversation.unreadCount} waitingSince={conversation.waitingSince} />
          </p>
        </div>
      </Link>
    </li>
  )
}
