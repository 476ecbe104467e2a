'use client'

import { skipToken } from '@tanstack/react-query'
import { useSubscription } from '@trpc/tanstack-react-query'
import { useTranslations } from 'next-intl'
import { Alert } from '~/components/alert'
import { Card, CardHeader } from '~/components/card'
import { CheckCircleIcon, SpinnerIcon } from '~/components/icons'
import { ProgressBar } from '~/components/progress-bar'
import { useTRPC } from '~/trpc/react'
import { useClientDisplayName } from '../clients/client-display-name'
import type { BulkResult, Recipient } from './bulk-types'
import { StatGrid } from '~/components/stat-grid'

/** Live progress of a bulk send: the bar, the counts (skipped and excluded by the safety rules too), and who could not be queued and why. */
export function BulkProgress({
  result,
  recipients,
  perMinute,
  action,
}: {
  result: BulkResult
  recipients: Recipient[]
  perMinute: number | null
  action?: React.ReactNode
}) {
  const t = useTranslations()
  const trpc = useTRPC()
  const displayName = useClientDisplayName()
  const subscription = useSubscription(trpc.whatsapp.onBulkProgress.subscriptionOptions(result.batchId ? { batchId: result.batchId } : skipToken))
  const progress = subscription.data?.data ?? null
  const percent = result.batchId ? (progress?.percent ?? 0) : 100
  const done = percent >= 100
  const minutesLeft = progress && perMinute && !done ? Math.max(1, Math.ceil(progress.pending / perMinute)) : null

  const errorText = (key: string, to: string | null) => {
    const full = `errors.${key}`
    return t.has(full) ? t(full, { phone: to ?? '' }) : t('errors.internal')
  }

  // Left out by the safety rules: at creation (in the result at once) and before sending (live).
  const reasons = progress?.reasons ?? result.excludedCounts
  const skipped = reasons.REPEAT ?? 0
  const excluded = (reasons.OPTED_OUT ?? 0) + (reasons.NOT_ON_WHATSAPP ?? 0)
  const counts: Array<[string, number, string]> = [
    ...(progress
      ? ([
          [t('bulk.progress.pending'), progress.pending, 'bulk-pending'],
          [t('bulk.progress.waitingQuiet'), progress.waitingQuiet, 'bulk-waiting-quiet'],
          [t('bulk.progress.sent'), progress.sent, 'bulk-sent'],
          [t('bulk.progress.delivered'), progress.delivered, 'bulk-delivered'],
          [t('bulk.progress.failed'), progress.failed, 'bulk-failed'],
        ] as Array<[string, number, string]>)
      : []),
    ...(progress || skipped + excluded > 0
      ? ([
          [t('bulk.progress.skipped'), skipped, 'bulk-skipped'],
          [t('bulk.progress.excluded'), excluded, 'bulk-excluded'],
        ] as Array<[string, number, string]>)
      : []),
  ]
  const reasonLines = (['OPTED_OUT', 'NOT_ON_WHATSAPP', 'REPEAT'] as const).filter((reason) => (reasons[reason] ?? 0) > 0)

  return (
    <Card data-testid="bulk-result">
      <CardHeader
        title={t('bulk.progress.title')}
        actions={
          done ? (
            <span className="flex items-center gap-1.5 text-sm font-medium text-brand-700" data-testid="bulk-done">
              <CheckCircleIcon className="size-4" />
              {t('bulk.progress.done')}
            </span>
          ) : (
            <span className="flex items-center gap-1.5 text-sm text-slate-500">
              <SpinnerIcon className="size-4" />
              {t('bulk.progress.sending')}
            </span>
          )
        }
      />
      <div className="space-y-4 p-4 sm:p-5">
        <p className="text-sm text-slate-600">{t('bulk.progress.queued', { queued: result.queued, failed: result.failed })}</p>
        {result.batchId && (
          <div className="space-y-1.5">
            <div className="flex items-baseline justify-between text-sm">
              <span className="font-medium text-slate-700">{t('bulk.progress.processed')}</span>
              <span className="font-semibold text-slate-900 tabular-nums" data-testid="bulk-percent">
                {percent}%
              </span>
            </div>
            <ProgressBar
              percent={percent}
              label={t('bulk.progress.processed')}
              data-testid="bulk-progress"
              data-percent={percent}
              tone={progress && progress.failed > 0 ? 'amber' : 'brand'}
            />
            {minutesLeft && <p className="text-xs text-slate-500">{t('bulk.progress.eta', { minutes: minutesLeft, perMinute: perMinute ?? 0 })}</p>}
          </div>
        )}
        {counts.length > 0 && <StatGrid stats={counts} className="sm:grid-cols-3" />}
        {reasonLines.length > 0 && (
          <div className="space-y-1 text-sm" data-testid="bulk-exclusions">
            <p className="font-medium text-slate-700">{t('bulk.progress.reasonsTitle')}</p>
            <ul className="list-inside list-disc text-slate-600">
              {reasonLines.map((reason) => (
                <li key={reason} data-testid={`bulk-reason-${reason}`} data-count={reasons[reason]}>
                  {t('bulk.progress.reasonLine', { reason: t(`bulk.progress.reason.${reason}`), count: reasons[reason] ?? 0 })}
                </li>
              ))}
            </ul>
          </div>
        )}
        {progress && progress.failed > 0 && <Alert tone="warning">{t('bulk.progress.failedHint')}</Alert>}
        {result.errors.length > 0 && (
          <div className="space-y-2">
            <p className="text-sm font-medium text-slate-700">{t('bulk.progress.notQueued')}</p>
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="bulk-recipient-errors">
              {result.errors.map((error) => {
                const recipient = recipients[error.index]
                return (
                  <li key={error.index} className="flex flex-col gap-0.5 px-3 py-2 text-sm sm:flex-row sm:justify-between sm:gap-3">
                    <span className="font-medium text-slate-800">{recipient ? displayName(recipient) : (error.to ?? `#${error.index + 1}`)}</span>
                    <span className="text-red-700">{errorText(error.error, error.to)}</span>
                  </li>
                )
              })}
            </ul>
          </div>
        )}
        {action}
      </div>
    </Card>
  )
}
