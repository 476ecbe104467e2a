'use client'

import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useDeferredValue, useEffect, useRef, useState } from 'react'
import { Alert } from '~/components/alert'
import { Avatar } from '~/components/avatar'
import { Button } from '~/components/button'
import { Card } from '~/components/card'
import { cx } from '~/components/class-names'
import { SpinnerIcon } from '~/components/icons'
import { PhoneText } from '~/components/phone-text'
import { Select } from '~/components/select'
import type { ClientStatus } from '~/shared/enums'
import { useTRPC } from '~/trpc/react'
import { useClientDisplayName } from '../clients/client-display-name'
import { clientLanguages, useLanguageName } from '../clients/client-languages'
import { ClientStatusBadge } from '../clients/client-status-badge'
import { OptOutBadge } from '../clients/opt-out-badge'
import { clientStatuses, isClientStatus } from '../clients/client-statuses'
import type { Recipient } from './bulk-types'
import { SearchInput } from '~/components/search-input'

const PAGE_SIZE = 100

/**
 * Choose recipients: filter by status, language and search, then tick clients one by one or the
 * whole page. The selection survives filter changes, so several filters can be combined by hand.
 */
export function BulkRecipientPicker({ selected, onChange }: { selected: Map<string, Recipient>; onChange: (next: Map<string, Recipient>) => void }) {
  const t = useTranslations()
  const trpc = useTRPC()
  const displayName = useClientDisplayName()
  const languageName = useLanguageName()
  const [search, setSearch] = useState('')
  const deferredSearch = useDeferredValue(search.trim())
  const [status, setStatus] = useState<ClientStatus | undefined>()
  const [language, setLanguage] = useState<string | undefined>()
  const [page, setPage] = useState(1)
  // A changed filter starts again at page 1: adjusted during render (React's pattern for
  // state that follows other state), instead of an effect that would first fetch the old page number.
  const filters = JSON.stringify([deferredSearch, status, language])
  const [pageFilters, setPageFilters] = useState(filters)
  if (filters !== pageFilters) {
    setPageFilters(filters)
    setPage(1)
  }

  const query = useQuery({
    ...trpc.clients.list.queryOptions({ search: deferredSearch || undefined, status, language, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  })
  const items = query.data?.items ?? []
  const selectedOnPage = items.filter((client) => selected.has(client.id)).length
  const allOnPage = items.length > 0 && selectedOnPage === items.length
  const selectAll = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = selectedOnPage > 0 && !allOnPage
  }, [selectedOnPage, allOnPage])

  const toggle = (client: Recipient, on: boolean) => {
    const next = new Map(selected)
    if (on) next.set(client.id, { id: client.id, name: client.name, phone: client.phone })
    else next.delete(client.id)
    onChange(next)
  }
  const togglePage = (on: boolean) => {
    const next = new Map(selected)
    for (const client of items) {
      if (on) next.set(client.id, { id: client.id, name: client.name, phone: client.phone })
      else next.delete(client.id)
    }
    onChange(next)
  }

  return (
    <Card className="overflow-hidden">
      <div className="space-y-2 border-b border-slate-100 p-3 sm:p-4">
        <SearchInput
          value={search}
          onValueChange={setSearch}
          placeholder={t('clients.searchPlaceholder')}
          aria-label={t('clients.searchLabel')}
          data-testid="bulk-search"
        />
        <div className="grid grid-cols-2 gap-2">
          <Select
            value={status ?? ''}
            onChange={(e) => setStatus(isClientStatus(e.target.value) ? e.target.value : undefined)}
            aria-label={t('clients.statusLabel')}
            data-testid="bulk-status-filter"
          >
            <option value="">{t('clients.allStatuses')}</option>
            {clientStatuses.map((value) => (
              <option key={value} value={value}>
                {t(`clientStatus.${value}`)}
              </option>
            ))}
          </Select>
          <Select
            value={language ?? ''}
            onChange={(e) => setLanguage(e.target.value || undefined)}
            aria-label={t('clients.languageLabel')}
            data-testid="bulk-language-filter"
          >
            <option value="">{t('clients.allLanguages')}</option>
            {clientLanguages.map((code) => (
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
          </Select>
        </div>
      </div>

      <div className="flex items-center justify-between gap-3 border-b border-slate-100 bg-slate-50/70 px-3 py-2 sm:px-4">
        <label className="flex items-center gap-2.5 text-sm font-medium text-slate-700">
          <input
            ref={selectAll}
            type="checkbox"
            className="size-4 rounded border-slate-300 accent-brand-600"
            checked={allOnPage}
            disabled={items.length === 0}
            onChange={(event) => togglePage(event.target.checked)}
            data-testid="bulk-select-all"
          />
          {t('bulk.selectPage', { count: items.length })}
        </label>
        <div className="flex items-center gap-2 text-sm">
          <span className="text-slate-600 tabular-nums" data-testid="bulk-selected-count">
            {t('bulk.selected', { count: selected.size })}
          </span>
          {selected.size > 0 && (
            <Button variant="ghost" size="sm" onClick={() => onChange(new Map())} data-testid="bulk-clear">
              {t('bulk.clear')}
            </Button>
          )}
        </div>
      </div>

      {query.isPending ? (
        <div className="flex items-center justify-center gap-2 py-10 text-sm text-slate-500" aria-busy>
          <SpinnerIcon className="size-5" />
          {t('common.loading')}
        </div>
      ) : query.isError ? (
        <div className="p-4">
          <Alert tone="error">{query.error.message}</Alert>
        </div>
      ) : items.length === 0 ? (
        <p className="px-4 py-10 text-center text-sm text-slate-500">{t('clients.noMatchesTitle')}</p>
      ) : (
        <ul className={cx('max-h-[32rem] divide-y divide-slate-100 overflow-y-auto', query.isPlaceholderData && 'opacity-60')} data-testid="bulk-recipients">
          {items.map((client) => {
            const checked = selected.has(client.id)
            return (
              <li key={client.id}>
                <label
                  className={cx(
                    'flex cursor-pointer items-center gap-3 px-3 py-2.5 transition-colors sm:px-4',
                    checked ? 'bg-brand-50/60' : 'hover:bg-slate-50',
                  )}
                  data-testid="bulk-row"
                >
                  <input
                    type="checkbox"
                    className="size-4 shrink-0 rounded border-slate-300 accent-brand-600"
                    checked={checked}
                    onChange={(event) => toggle(client, event.target.checked)}
                    data-testid="bulk-row-checkbox"
                    data-client-id={client.id}
                  />
                  <Avatar name={client.name ?? ''} seed={client.id} size="sm" />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium text-slate-900" data-testid="bulk-row-name">
                      {displayName(client)}
                    </span>
                    <PhoneText phone={client.phone} className="block truncate text-xs text-slate-500 tabular-nums" />
                  </span>
                  <OptOutBadge optedOutAt={client.optedOutAt} />
                  <ClientStatusBadge status={client.status} className="max-sm:hidden" testId="bulk-row-status" />
                </label>
              </li>
            )
          })}
        </ul>
      )}
      {query.data && query.data.total > PAGE_SIZE && <PagerButtons page={page} total={query.data.total} onPage={setPage} />}
    </Card>
  )
}

/** Pages of 100 without touching the URL (the selection lives in this page's state). */
function PagerButtons({ page, total, onPage }: { page: number; total: number; onPage: (page: number) => void }) {
  const t = useTranslations('pagination')
  const pages = Math.ceil(total / PAGE_SIZE)
  const from = (page - 1) * PAGE_SIZE + 1
  const to = Math.min(total, page * PAGE_SIZE)
  return (
    <div className="flex items-center justify-between gap-3 border-t border-slate-100 px-4 py-3">
      <p className="text-sm text-slate-500 tabular-nums">{t('summary', { from, to, total })}</p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t('previous')}
        </Button>
        <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {t('next')}
        </Button>
      </div>
    </div>
  )
}
