'use client'

import { useTranslations } from 'next-intl'
import { Button } from '~/components/button'
import { EmptyState } from '~/components/empty-state'
import { AlertIcon, SpinnerIcon } from '~/components/icons'
import { useMarkRead } from '../inbox/use-mark-read'
import { MessageThread } from './message-thread'
import { useConversationMessages } from './use-conversation-messages'
import { useLiveThread } from './use-live-thread'
import { useThreadEntries } from './use-thread-entries'

/**
 * A conversation's thread on WhatsApp's chat background, kept current by live events. The thread
 * fills the space; `footer` is the slot at the bottom for a message composer.
 */
export function ConversationView({
  conversationId,
  focusMessageId,
  footer,
}: {
  conversationId: string
  /** A message to open the thread at (a search hit): older pages load until it is there. */
  focusMessageId?: string
  footer?: React.ReactNode
}) {
  const t = useTranslations('common')
  const thread = useConversationMessages(conversationId)
  useLiveThread(conversationId)
  // Opening the conversation (and each new customer message while it is open) reads it.
  const latestIncomingId = thread.messages.findLast((message) => message.direction === 'INCOMING')?.id ?? null
  useMarkRead(conversationId, latestIncomingId, !thread.isPending && !thread.error)
  const entries = useThreadEntries(conversationId)

  let content: React.ReactNode
  if (thread.isPending) {
    content = (
      <div className="flex flex-1 items-center justify-center text-slate-500" aria-busy>
        <SpinnerIcon className="size-6" />
        <span className="sr-only">{t('loading')}</span>
      </div>
    )
  } else if (thread.error) {
    content = (
      <EmptyState
        className="flex-1"
        icon={<AlertIcon />}
        title={t('errorTitle')}
        description={thread.error.message}
        action={
          <Button variant="secondary" onClick={thread.refetch}>
            {t('retry')}
          </Button>
        }
      />
    )
  } else {
    content = (
      <MessageThread
        messages={thread.messages}
        hasOlder={thread.hasOlder}
        isLoadingOlder={thread.isLoadingOlder}
        onLoadOlder={thread.loadOlder}
        focusMessageId={focusMessageId}
        entries={entries.data}
      />
    )
  }

  return (
    <div className="flex h-full min-h-0 flex-col bg-chat-bg" data-testid="conversation-view">
      {content}
      {footer && <div className="shrink-0 border-t border-slate-200 bg-slate-50 px-3 py-2">{footer}</div>}
    </div>
  )
}
