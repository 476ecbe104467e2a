'use client'

import { useTranslations } from 'next-intl'
import { Card, CardHeader, CardNoteFooter } from '~/components/card'
import { QueryErrorAlert } from '~/components/query-error-alert'

/**
 * One dashboard chart: its title, the chart (or loading, an error with Retry, or an empty state) and an
 * optional help line. `testId` names the card for tests.
 */
export function ChartCard({
  title,
  subtitle,
  testId,
  query,
  empty,
  emptyText,
  help,
  className,
  children,
}: {
  title: string
  subtitle?: string
  testId: string
  query: { isPending: boolean; error: { message: string } | null; refetch: () => unknown }
  empty?: boolean
  emptyText?: string
  help?: React.ReactNode
  className?: string
  children: React.ReactNode
}) {
  const t = useTranslations('common')
  return (
    <Card data-testid={testId} className={className}>
      <CardHeader title={title} subtitle={subtitle} />
      <div className="min-w-0 p-3 sm:p-5">
        {query.isPending ? (
          <p className="py-16 text-center text-sm text-slate-500">{t('loading')}</p>
        ) : query.error ? (
          <QueryErrorAlert error={query.error} onRetry={query.refetch} />
        ) : (
          <>
            {empty && (
              <p className="pb-2 text-sm text-slate-500" data-testid={`${testId}-empty`}>
                {emptyText}
              </p>
            )}
            {children}
          </>
        )}
      </div>
      {help && <CardNoteFooter>{help}</CardNoteFooter>}
    </Card>
  )
}
