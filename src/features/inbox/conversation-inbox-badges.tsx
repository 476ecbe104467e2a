'use client'

import { useNow, useTranslations } from 'next-intl'
import { cx } from '~/components/class-names'
import { ClockIcon } from '~/components/icons'
import { useInboxCounts } from './use-inbox-counts'
import { waitedMinutes, waitedParts, waitingLevel, type WaitingLevel } from './waiting-level'

const levelClasses: Record<WaitingLevel, string> = {
  fresh: 'text-slate-500',
  amber: 'text-amber-700',
  red: 'text-red-700 font-semibold',
}

/** A clock that ticks twice a minute: enough for the waiting colour, no request involved. */
const TICK_MS = 30_000

/** A conversation row's inbox state: how long the customer has waited (coloured by the thresholds) and the unread count. */
export function ConversationInboxBadges({ unreadCount, waitingSince }: { unreadCount: number; waitingSince: Date | null }) {
  if (unreadCount === 0 && !waitingSince) return null
  return (
    <span className="ml-auto flex shrink-0 items-center gap-1.5">
      {waitingSince && <WaitingTime since={waitingSince} />}
      {unreadCount > 0 && <UnreadBadge count={unreadCount} />}
    </span>
  )
}

export function UnreadBadge({ count }: { count: number }) {
  const t = useTranslations('inbox')
  return (
    <span
      data-testid="unread-count"
      aria-label={t('unread', { count })}
      className="inline-flex min-w-5 items-center justify-center rounded-full bg-brand-600 px-1.5 py-0.5 text-xs font-semibold text-white tabular-nums"
    >
      {count > 99 ? '99+' : count}
    </span>
  )
}

export function WaitingTime({ since }: { since: Date }) {
  const t = useTranslations('inbox')
  const now = useNow({ updateInterval: TICK_MS })
  const thresholds = useInboxCounts().data ?? { amberMinutes: 5, redMinutes: 30 }
  const minutes = waitedMinutes(since, now)
  const level = waitingLevel(since, now, thresholds)
  const parts = waitedParts(minutes)
  const short =
    parts.unit === 'minutes'
      ? t('waitedMinutes', { minutes: parts.minutes })
      : parts.unit === 'hours'
        ? t('waitedHours', { hours: parts.hours, minutes: parts.minutes })
        : t('waitedDays', { days: parts.days })
  return (
    <span
      data-testid="waiting-time"
      data-level={level}
      title={t('waitingFor', { time: short })}
      className={cx('flex items-center gap-0.5 text-xs tabular-nums', levelClasses[level])}
    >
      <ClockIcon className="size-3.5" />
      <span className="sr-only">{t('waitingFor', { time: short })}</span>
      <span aria-hidden>{short}</span>
    </span>
  )
}
