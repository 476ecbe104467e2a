import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { buttonClasses } from './button'
import { cx } from './class-names'
import { ChevronLeftIcon, ChevronRightIcon } from './icons'

/** "21–40 of 135" with previous/next links; pages are links so they work with the URL as state. */
export function Pagination({
  page,
  pageSize,
  total,
  hrefForPage,
  className,
}: {
  page: number
  pageSize: number
  total: number
  hrefForPage: (page: number) => string
  className?: string
}) {
  const t = useTranslations('pagination')
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1
  const to = Math.min(total, page * pageSize)
  const link = (target: number, enabled: boolean, label: string, icon: React.ReactNode, testId: string) =>
    enabled ? (
      <Link href={hrefForPage(target)} scroll={false} className={buttonClasses({ variant: 'secondary', size: 'sm' })} data-testid={testId}>
        {icon}
        <span className="hidden sm:inline">{label}</span>
      </Link>
    ) : (
      <span aria-disabled className={buttonClasses({ variant: 'secondary', size: 'sm', className: 'pointer-events-none opacity-50' })}>
        {icon}
        <span className="hidden sm:inline">{label}</span>
      </span>
    )
  return (
    <nav aria-label={t('label')} className={cx('flex items-center justify-between gap-3', className)}>
      <p className="text-sm text-slate-500 tabular-nums" data-testid="pagination-summary">
        {t('summary', { from, to, total })}
      </p>
      <div className="flex items-center gap-2">
        {link(page - 1, page > 1, t('previous'), <ChevronLeftIcon className="size-4" />, 'pagination-previous')}
        {link(page + 1, page < pageCount, t('next'), <ChevronRightIcon className="size-4" />, 'pagination-next')}
      </div>
    </nav>
  )
}
