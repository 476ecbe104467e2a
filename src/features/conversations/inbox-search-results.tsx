'use client'

import { keepPreviousData, useQuery } from '@tanstack/react-query'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { Avatar } from '~/components/avatar'
import { cx } from '~/components/class-names'
import { formatPhone } from '~/components/phone-text'
import { useDateFormatter } from '~/components/use-date-formatter'
import { useTRPC } from '~/trpc/react'

/**
 * The inbox search's results in the left pane, in place of the list while a search is typed:
 * conversations whose client's name or phone matches, then messages whose text does, each with the
 * match highlighted. A message opens its conversation scrolled to it (`?message=<id>`).
 */
export function InboxSearchResults({ query }: { query: string }) {
  const t = useTranslations('conversations')
  const trpc = useTRPC()
  const format = useDateFormatter()
  const search = useQuery({ ...trpc.conversations.search.queryOptions({ query }), placeholderData: keepPreviousData })
  const data = search.data

  if (search.error) return <p className="px-4 py-8 text-center text-sm text-red-700">{search.error.message}</p>
  if (!data) return <p className="px-4 py-8 text-center text-sm text-slate-500">{t('searching')}</p>
  const nothing = data.conversations.length === 0 && data.messages.length === 0

  return (
    <div data-testid="inbox-search-results" className={cx(search.isPlaceholderData && 'opacity-60')}>
      {nothing && <p className="px-4 py-8 text-center text-sm text-slate-500">{t('noMatches')}</p>}
      {data.conversations.length > 0 && (
        <section>
          <h3 className="bg-slate-50 px-4 py-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t('searchConversations')}</h3>
          <ul className="divide-y divide-slate-100">
            {data.conversations.map((hit) => {
              const name = hit.client.name ?? formatPhone(hit.client.phone) ?? '—'
              return (
                <li key={hit.conversationId}>
                  <Link
                    href={`/conversations/${hit.conversationId}`}
                    data-testid="search-conversation-hit"
                    className="flex items-center gap-3 px-4 py-2.5 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none"
                  >
                    <Avatar name={name} seed={hit.client.id} size="sm" />
                    <span className="min-w-0 flex-1">
                      <span className="block truncate text-sm font-medium text-slate-900">{name}</span>
                      {hit.client.phone && <span className="block truncate text-xs text-slate-500">{formatPhone(hit.client.phone)}</span>}
                    </span>
                  </Link>
                </li>
              )
            })}
          </ul>
        </section>
      )}
      {data.messages.length > 0 && (
        <section>
          <h3 className="bg-slate-50 px-4 py-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t('searchMessages')}</h3>
          <ul className="divide-y divide-slate-100">
            {data.messages.map((hit) => (
              <li key={hit.id}>
                <Link
                  href={`/conversations/${hit.conversationId}?message=${hit.id}`}
                  data-testid="search-message-hit"
                  className="block px-4 py-2.5 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none"
                >
                  <span className="flex items-baseline justify-between gap-2">
                    <span className="truncate text-sm font-medium text-slate-900">{hit.client.name ?? formatPhone(hit.client.phone) ?? '—'}</span>
                    <time className="shrink-0 text-xs text-slate-500" dateTime={new Date(hit.createdAt).toISOString()}>
                      {format.dateTime(new Date(hit.createdAt), { dateStyle: 'short' })}
                    </time>
                  </span>
                  <span className="mt-0.5 line-clamp-2 text-sm break-words text-slate-600">
                    {hit.direction === 'OUTGOING' && <span className="text-slate-400">{t('searchYou')} </span>}
                    {hit.snippet.before}
                    <mark className="rounded-sm bg-amber-200 px-0.5 text-slate-900">{hit.snippet.match}</mark>
                    {hit.snippet.after}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!data.messagesSearched && <p className="px-4 py-3 text-xs text-slate-500">{t('searchMessagesHint')}</p>}
    </div>
  )
}
