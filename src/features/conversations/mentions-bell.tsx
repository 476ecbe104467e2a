'use client'

import { useQuery } from '@tanstack/react-query'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { cx } from '~/components/class-names'
import { useTRPC } from '~/trpc/react'

/**
 * The caller's @mentions in notes: a count of unread ones and the list, each opening its conversation
 * (which marks it read). Stored, so mentions made while the operator was away wait here; new ones
 * arrive live (the conversation list's subscription refreshes it).
 */
export function MentionsBell() {
  const t = useTranslations('inbox')
  const trpc = useTRPC()
  const mentions = useQuery(trpc.mentions.list.queryOptions())
  const [open, setOpen] = useState(false)
  const unread = mentions.data?.unread ?? 0
  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-label={t('mentions')}
        data-testid="mentions-bell"
        onClick={() => setOpen((v) => !v)}
        className="relative rounded-lg p-1.5 text-slate-600 hover:bg-slate-100"
      >
        <span aria-hidden className="text-lg leading-none font-semibold">
          @
        </span>
        {unread > 0 && (
          <span
            data-testid="mentions-unread"
            className="absolute -top-1 -right-1 min-w-4 rounded-full bg-red-600 px-1 text-center text-[0.65rem] leading-4 font-semibold text-white"
          >
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div
          className="absolute right-0 z-30 mt-1 w-72 max-w-[calc(100vw-1.5rem)] rounded-lg border border-slate-200 bg-white shadow-lg"
          data-testid="mentions-list"
        >
          <p className="border-b border-slate-100 px-3 py-2 text-xs font-semibold text-slate-500">{t('mentions')}</p>
          {mentions.data?.items.length ? (
            <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto">
              {mentions.data.items.map((m) => (
                <li key={m.id}>
                  <Link
                    href={`/conversations/${m.conversationId}`}
                    onClick={() => setOpen(false)}
                    className={cx('block px-3 py-2 text-sm hover:bg-slate-50', !m.readAt && 'bg-amber-50/60')}
                    data-testid="mention-item"
                  >
                    <span className="block truncate font-medium text-slate-800">
                      {t('mentionBy', { name: m.authorName ?? t('system'), client: m.clientName ?? '' })}
                    </span>
                    <span className="line-clamp-2 text-slate-600">{m.excerpt}</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="px-3 py-4 text-center text-sm text-slate-500">{t('noMentions')}</p>
          )}
        </div>
      )}
    </div>
  )
}
