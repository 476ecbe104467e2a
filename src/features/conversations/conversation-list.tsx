'use client'

import { useParams } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useDeferredValue, useState } from 'react'
import { Button } from '~/components/button'
import { cx } from '~/components/class-names'
import { EmptyState } from '~/components/empty-state'
import { AlertIcon, ChatIcon, SpinnerIcon } from '~/components/icons'
import { ConversationListItem } from './conversation-list-item'
import { useConversationList } from './use-conversation-list'
import { useLiveConversationList } from './use-live-conversation-list'
import { SearchInput } from '~/components/search-input'
import type { ConversationView } from '~/shared/conversation-assignment'
import { ConversationFilters, type ConversationStatusFilter } from './conversation-filters'
import { InboxSearchResults } from './inbox-search-results'
import { MentionsBell } from './mentions-bell'
import { NewChatButton } from './new-chat-dialog'

/** From this many characters on, the search box searches the inbox (names, phones, message texts) instead of filtering the list. */
const INBOX_SEARCH_MIN_CHARS = 2

/**
 * The left pane: heading, search and the conversations. It is the page's title only while no
 * conversation is open (then the open conversation's header is).
 */
export function ConversationList() {
  const t = useTranslations()
  const { id: selectedId } = useParams<{ id?: string }>()
  const [search, setSearch] = useState('')
  const deferredSearch = useDeferredValue(search.trim())
  const searching = [...deferredSearch].length >= INBOX_SEARCH_MIN_CHARS
  // issue 13: Mine / Unassigned / Waiting / All, and open (default) / resolved / snoozed.
  const [view, setView] = useState<ConversationView>('ALL')
  const [status, setStatus] = useState<ConversationStatusFilter>('OPEN')
  const list = useConversationList(searching ? '' : deferredSearch, { view, status })
  useLiveConversationList()
  const Heading = selectedId ? 'h2' : 'h1'

  return (
    <div className="flex h-full min-h-0 flex-col bg-white">
      <div className="shrink-0 space-y-3 border-b border-slate-100 px-3 pt-4 pb-3 sm:px-4">
        <div className="flex items-center justify-between gap-2">
          <Heading data-testid={selectedId ? undefined : 'page-title'} className="text-xl font-semibold tracking-tight text-slate-900">
            {t('conversations.title')}
          </Heading>
          <div className="flex items-center gap-1">
            <NewChatButton />
            <MentionsBell />
          </div>
        </div>
        <SearchInput
          value={search}
          onValueChange={setSearch}
          placeholder={t('conversations.searchPlaceholder')}
          aria-label={t('conversations.searchLabel')}
          data-testid="conversations-search"
        />
        <ConversationFilters view={view} status={status} onViewChange={setView} onStatusChange={setStatus} />
      </div>
      <div className={cx('min-h-0 flex-1 overflow-y-auto', list.isSearching && 'opacity-60')}>
        {searching ? (
          <InboxSearchResults query={deferredSearch} />
        ) : list.isPending ? (
          <ListSkeleton />
        ) : list.error ? (
          <EmptyState
            icon={<AlertIcon />}
            title={t('common.errorTitle')}
            description={list.error.message}
            action={
              <Button variant="secondary" onClick={list.refetch}>
                {t('common.retry')}
              </Button>
            }
          />
        ) : list.conversations.length === 0 ? (
          deferredSearch || view !== 'ALL' || status !== 'OPEN' ? (
            <p className="px-4 py-8 text-center text-sm text-slate-500">{t('conversations.noMatches')}</p>
          ) : (
            <EmptyState icon={<ChatIcon />} title={t('conversations.emptyTitle')} description={t('conversations.emptyDescription')} />
          )
        ) : (
          <>
            <ul data-testid="conversation-list" className="divide-y divide-slate-100">
              {list.conversations.map((conversation) => (
                <ConversationListItem key={conversation.id} conversation={conversation} active={conversation.id === selectedId} />
              ))}
            </ul>
            {list.hasMore && (
              <div className="flex justify-center p-3">
                <Button variant="ghost" size="sm" onClick={list.loadMore} disabled={list.isLoadingMore}>
                  {list.isLoadingMore && <SpinnerIcon className="size-4" />}
                  {t('conversations.loadMore')}
                </Button>
              </div>
            )}
          </>
        )}
      </div>
    </div>
  )
}

function ListSkeleton() {
  return (
    <div aria-busy className="divide-y divide-slate-100">
      {Array.from({ length: 7 }, (_, index) => (
        <div key={index} className="flex animate-pulse items-center gap-3 px-4 py-3.5">
          <div className="size-10 rounded-full bg-slate-100" />
          <div className="flex-1 space-y-2">
            <div className="h-3 w-32 rounded bg-slate-100" />
            <div className="h-3 w-48 rounded bg-slate-100" />
          </div>
        </div>
      ))}
    </div>
  )
}
