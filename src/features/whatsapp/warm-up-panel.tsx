'use client'

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useFormatter, useTranslations } from 'next-intl'
import { Button } from '~/components/button'
import { cx } from '~/components/class-names'
import { useTRPC } from '~/trpc/react'

/**
 * Warm-up of a new number: today's daily cap for bulk and agent messages, why (new number or flagged
 * by an admin), and the whole curve with today marked. Admins may flag the number as new.
 */
export function WarmUpPanel({ canManage }: { canManage: boolean }) {
  const t = useTranslations('whatsapp.settings.warmUp')
  const format = useFormatter()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const warmUp = useQuery(trpc.whatsapp.warmUp.queryOptions())
  const markNew = useMutation(
    trpc.whatsapp.settings.update.mutationOptions({
      onSuccess: (result) => {
        queryClient.setQueryData(trpc.whatsapp.settings.get.queryKey(), result)
        void queryClient.invalidateQueries(trpc.whatsapp.warmUp.pathFilter())
      },
    }),
  )
  const data = warmUp.data
  if (!data) return null
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-slate-50/60 p-3" data-testid="warm-up-panel" data-active={data.active}>
      <p className="text-sm text-slate-700">
        {data.active
          ? t('today', { cap: data.cap, day: (data.day ?? 0) + 1, days: data.curve.length })
          : data.optedOut
            ? t('off', { cap: data.cap })
            : t('none', { cap: data.cap })}{' '}
        <span className="sr-only">{t('capLabel')}</span>
        <strong className="tabular-nums" data-testid="warm-up-cap">
          {data.cap}
        </strong>
      </p>
      {data.active && data.reason && (
        <p className="text-xs text-slate-500">
          {t(`reason.${data.reason}`, { since: data.startedAt ? format.dateTime(new Date(data.startedAt), { dateStyle: 'medium' }) : '' })}
          {data.endsAt && ` · ${t('endsAt', { at: format.dateTime(new Date(data.endsAt), { dateStyle: 'medium' }) })}`}
        </p>
      )}
      <ol className="flex flex-wrap gap-1.5 text-xs" aria-label={t('curve')} data-testid="warm-up-curve">
        {data.curve.map((point) => (
          <li
            key={point.day}
            className={cx(
              'rounded-md border px-2 py-1 tabular-nums',
              data.active && data.day === point.day - 1
                ? 'border-brand-500 bg-brand-50 font-semibold text-brand-800'
                : 'border-slate-200 bg-white text-slate-600',
            )}
          >
            {t('point', { day: point.day, cap: point.cap })}
          </li>
        ))}
      </ol>
      {canManage && (
        <Button variant="secondary" disabled={markNew.isPending} onClick={() => markNew.mutate({ warmUp: { markNew: true } })} data-testid="warm-up-mark-new">
          {t('markNew')}
        </Button>
      )}
    </div>
  )
}
