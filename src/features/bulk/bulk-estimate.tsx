'use client'

import { useMutation } from '@tanstack/react-query'
import { useFormatter, useTranslations } from 'next-intl'
import { useEffect } from 'react'
import { Alert } from '~/components/alert'
import { SpinnerIcon } from '~/components/icons'
import { personalize } from '~/shared/personalize'
import { useTRPC } from '~/trpc/react'
import type { Recipient } from './bulk-types'

/** How long the screen waits after the last change before asking the server again. */
const PREVIEW_DEBOUNCE_MS = 400

/**
 * Before the admin sends: when the bulk should finish (limits, warm-up, quiet hours and what is already
 * queued), how many recipients will be left out and why, and whether it fits today's quota. The server
 * computes it (whatsapp.previewBulk) without creating anything.
 */
export function BulkEstimate({ recipients, text }: { recipients: Recipient[]; text: string }) {
  const t = useTranslations('bulk.estimate')
  const tReason = useTranslations('bulk.progress.reason')
  const format = useFormatter()
  const trpc = useTRPC()
  const preview = useMutation(trpc.whatsapp.previewBulk.mutationOptions())
  const { mutate, reset } = preview
  const key = JSON.stringify([recipients.map((r) => r.id), text])

  useEffect(() => {
    if (!recipients.length || !text.trim()) return reset()
    const timer = setTimeout(
      () => mutate({ messages: recipients.map((recipient) => ({ clientId: recipient.id, content: personalize(text, recipient.name) })) }),
      PREVIEW_DEBOUNCE_MS,
    )
    return () => clearTimeout(timer)
    // `key` stands for recipients and text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, mutate, reset])

  if (!recipients.length || !text.trim()) return null
  const data = preview.data
  if (!data) {
    return (
      <p className="flex items-center gap-1.5 text-xs text-slate-500">
        <SpinnerIcon className="size-3.5" />
        {t('computing')}
      </p>
    )
  }
  const { estimate } = data
  const when = (at: Date) => format.dateTime(new Date(at), { dateStyle: 'medium', timeStyle: 'short', timeZone: data.timeZone })
  const reasons = (['OPTED_OUT', 'NOT_ON_WHATSAPP', 'REPEAT'] as const).filter((reason) => (data.excludedCounts[reason] ?? 0) > 0)
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-slate-50/60 p-3 text-sm" data-testid="bulk-estimate" aria-live="polite">
      <p className="text-slate-700">
        {t('finish', { count: data.sendable })}{' '}
        <strong data-testid="bulk-finish-at" data-finish-at={new Date(estimate.finishAt).toISOString()}>
          {when(estimate.finishAt)}
        </strong>
      </p>
      {data.queuedAhead > 0 && <p className="text-xs text-slate-500">{t('queuedAhead', { count: data.queuedAhead })}</p>}
      {estimate.waitingForQuietHours > 0 && estimate.quietEndsAt && (
        <p className="text-xs text-slate-600" data-testid="bulk-estimate-quiet" data-count={estimate.waitingForQuietHours}>
          {t('quiet', { count: estimate.waitingForQuietHours, at: when(estimate.quietEndsAt) })}
        </p>
      )}
      {data.warmUp.active && (
        <p className="text-xs text-slate-600" data-testid="bulk-estimate-warm-up">
          {t('warmUp', { cap: data.warmUp.cap, day: (data.warmUp.day ?? 0) + 1 })}
        </p>
      )}
      <p className="text-slate-700">
        {t('excluded')}{' '}
        <strong className="tabular-nums" data-testid="bulk-estimate-excluded">
          {data.excluded}
        </strong>
      </p>
      {reasons.length > 0 && (
        <ul className="list-inside list-disc text-xs text-slate-600">
          {reasons.map((reason) => (
            <li key={reason} data-testid={`bulk-estimate-reason-${reason}`} data-count={data.excludedCounts[reason]}>
              {t('reasonLine', { reason: tReason(reason), count: data.excludedCounts[reason] ?? 0 })}
            </li>
          ))}
        </ul>
      )}
      {!estimate.fitsToday && (
        <Alert tone="warning" data-testid="bulk-estimate-over-quota">
          {t('overQuota', { count: data.sendable, remaining: estimate.dayRemaining })}
        </Alert>
      )}
    </div>
  )
}
