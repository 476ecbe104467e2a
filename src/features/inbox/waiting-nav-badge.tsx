'use client'

import { useTranslations } from 'next-intl'
import { cx } from '~/components/class-names'
import { useInboxCounts } from './use-inbox-counts'

/** The number of conversations waiting for a reply, beside "Conversations" in the navigation (nothing at 0). */
export function WaitingNavBadge({ className, testId = 'nav-waiting-count' }: { className?: string; testId?: string }) {
  const t = useTranslations('inbox')
  const waiting = useInboxCounts().data?.waiting ?? 0
  if (waiting === 0) return null
  return (
    <span
      data-testid={testId}
      title={t('waitingTotal', { count: waiting })}
      aria-label={t('waitingTotal', { count: waiting })}
      className={cx(
        'inline-flex min-w-5 items-center justify-center rounded-full bg-amber-500 px-1.5 py-0.5 text-xs font-semibold text-white tabular-nums',
        className,
      )}
    >
      {waiting > 99 ? '99+' : waiting}
    </span>
  )
}
