import { useTranslations } from 'next-intl'
import { Badge, type BadgeTone } from '~/components/badge'
import { cx } from '~/components/class-names'
import type { ImportJobStatus } from './import-types'

const tones: Record<ImportJobStatus, BadgeTone> = {
  PENDING: 'amber',
  WAITING_FOR_SCAN: 'sky',
  RUNNING: 'amber',
  COMPLETED: 'green',
  FAILED: 'red',
  CANCELLED: 'gray',
}

const dots: Record<ImportJobStatus, string> = {
  PENDING: 'bg-amber-500 animate-pulse',
  WAITING_FOR_SCAN: 'bg-sky-500 animate-pulse',
  RUNNING: 'bg-amber-500 animate-pulse',
  COMPLETED: 'bg-brand-500',
  FAILED: 'bg-red-500',
  CANCELLED: 'bg-slate-400',
}

/** An import's state as a coloured pill (data-status = the raw status, for tests). */
export function ImportStatusBadge({ status, className }: { status: ImportJobStatus; className?: string }) {
  const t = useTranslations('import.status')
  return (
    <Badge tone={tones[status]} className={cx('px-2.5 py-1', className)} data-testid="import-status" data-status={status}>
      <span aria-hidden className={cx('size-2 rounded-full', dots[status])} />
      {t(status)}
    </Badge>
  )
}
