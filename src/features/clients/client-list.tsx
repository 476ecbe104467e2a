'use client'

import { keepPreviousData, useQuery } from '@tanstack/react-query'
import Link from 'next/link'
import { useSearchParams } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { Button, buttonClasses } from '~/components/button'
import { Card } from '~/components/card'
import { cx } from '~/components/class-names'
import { EmptyState } from '~/components/empty-state'
import { AlertIcon, SearchIcon, UsersIcon } from '~/components/icons'
import { Pagination } from '~/components/pagination'
import { useTRPC } from '~/trpc/react'
import { ClientFilters } from './client-filters'
import { CLIENTS_PAGE_SIZE, clientListHref, readClientListParams } from './client-list-params'
import { ClientTable } from './client-table'

/** The clients list: filters and page come from the URL, the server filters and paginates. */
export function ClientList() {
  const t = useTranslations()
  const trpc = useTRPC()
  const params = readClientListParams(useSearchParams())
  const query = useQuery({
    ...trpc.clients.list.queryOptions({
      search: params.search || undefined,
      status: params.status,
      language: params.language,
      page: params.page,
      pageSize: CLIENTS_PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  })
  const filtered = Boolean(params.search || params.status || params.language)

  let body: React.ReactNode
  if (query.isPending) {
    body = <ClientTableSkeleton />
  } else if (query.isError) {
    body = (
      <EmptyState
        icon={<AlertIcon />}
        title={t('common.errorTitle')}
        description={query.error.message}
        action={
          <Button variant="secondary" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    )
  } else if (query.data.items.length === 0 && query.data.total > 0) {
    // A page past the end (an old link, or the list shrank): offer the first page.
    body = (
      <EmptyState
        data-testid="clients-empty"
        icon={<SearchIcon />}
        title={t('clients.noMatchesTitle')}
        action={
          <Link href={clientListHref({ ...params, page: 1 })} className={buttonClasses({ variant: 'secondary' })}>
            {t('pagination.first')}
          </Link>
        }
      />
    )
  } else if (query.data.items.length === 0) {
    body = filtered ? (
      <EmptyState
        data-testid="clients-empty"
        icon={<SearchIcon />}
        title={t('clients.noMatchesTitle')}
        description={t('clients.noMatchesDescription')}
        action={
          <Link href="/clients" className={buttonClasses({ variant: 'secondary' })}>
            {t('clients.resetFilters')}
          </Link>
        }
      />
    ) : (
      <EmptyState data-testid="clients-empty" icon={<UsersIcon />} title={t('clients.emptyTitle')} description={t('clients.emptyDescription')} />
    )
  } else {
    body = (
      <>
        <div className={cx('overflow-x-auto transition-opacity', query.isPlaceholderData && 'opacity-60')}>
          <ClientTable clients={query.data.items} />
        </div>
        <Pagination
          className="border-t border-slate-100 px-4 py-3"
          page={query.data.page}
          pageSize={query.data.pageSize}
          total={query.data.total}
          hrefForPage={(page) => clientListHref({ ...params, page })}
        />
      </>
    )
  }

  return (
    <Card className="overflow-hidden">
      <div className="border-b border-slate-100 p-3 sm:p-4">
        <ClientFilters params={params} />
      </div>
      {body}
    </Card>
  )
}

function ClientTableSkeleton() {
  return (
    <div className="divide-y divide-slate-100" aria-busy>
      {Array.from({ length: 6 }, (_, index) => (
        <div key={index} className="flex animate-pulse items-center gap-3 px-4 py-3.5">
          <div className="size-8 rounded-full bg-slate-100" />
          <div className="h-3 w-40 rounded bg-slate-100" />
          <div className="ml-auto h-5 w-24 rounded-full bg-slate-100" />
        </div>
      ))}
    </div>
  )
}
