'use client'

import { useQuery } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { Alert } from '~/components/alert'
import { Button } from '~/components/button'
import { Card, CardHeader } from '~/components/card'
import { RefreshIcon, SpinnerIcon } from '~/components/icons'
import { ProgressBar } from '~/components/progress-bar'
import { useDateFormatter } from '~/components/use-date-formatter'
import { useTRPC } from '~/trpc/react'

const windows = ['day', 'hour', 'minute'] as const

/** How much of today's (and this hour's, this minute's) sending quota is used. */
export function QuotaUsage() {
  const t = useTranslations()
  const trpc = useTRPC()
  const format = useDateFormatter()
  const query = useQuery(trpc.whatsapp.quota.queryOptions())

  return (
    <Card data-testid="quota-usage">
      <CardHeader
        title={t('whatsapp.quota.title')}
        actions={
          <Button
            variant="ghost"
            size="sm"
            onClick={() => void query.refetch()}
            disabled={query.isFetching}
            aria-label={t('whatsapp.quota.refresh')}
            title={t('whatsapp.quota.refresh')}
          >
            {query.isFetching ? <SpinnerIcon className="size-4" /> : <RefreshIcon className="size-4" />}
          </Button>
        }
      />
      <div className="space-y-4 p-4 sm:p-5">
        {query.isPending ? (
          <p className="text-sm text-slate-500">{t('common.loading')}</p>
        ) : query.isError ? (
          <Alert tone="error">{query.error.message}</Alert>
        ) : (
          windows.map((window) => {
            const { limit, remaining, resetAt } = query.data[window]
            const used = Math.max(0, limit - remaining)
            const percent = limit ? (used / limit) * 100 : 0
            return (
              <div key={window} className="space-y-1.5" data-testid={`quota-${window}`}>
                <div className="flex items-baseline justify-between gap-3 text-sm">
                  <span className="font-medium text-slate-700">{t(`whatsapp.quota.${window}`)}</span>
                  <span className="text-slate-600 tabular-nums">{t('whatsapp.quota.used', { used, limit })}</span>
                </div>
                <ProgressBar percent={percent} tone={percent >= 100 ? 'red' : percent >= 80 ? 'amber' : 'brand'} label={t(`whatsapp.quota.${window}`)} />
                {used > 0 && (
                  <p className="text-xs text-slate-500">
                    {t('whatsapp.quota.resets', {
                      at: format.dateTime(resetAt, window === 'day' ? { dateStyle: 'short', timeStyle: 'short' } : { timeStyle: 'short' }),
                    })}
                  </p>
                )}
              </div>
            )
          })
        )}
      </div>
    </Card>
  )
}
