import { cx } from './class-names'

/** One tile: label, value, and the value's test id. */
export type Stat = [label: React.ReactNode, value: React.ReactNode, testId: string]

/** Counters as small tiles (bulk progress, export summary and result). */
export function StatGrid({
  stats,
  className,
  tileClassName,
  valueClassName = 'text-lg',
}: {
  stats: Stat[]
  className?: string
  /** Extra classes per tile (a tile may span columns). */
  tileClassName?: string | ((testId: string) => string | false | undefined)
  valueClassName?: string
}) {
  return (
    <dl className={cx('grid grid-cols-2 gap-2', className)}>
      {stats.map(([label, value, testId]) => (
        <div
          key={testId}
          className={cx('rounded-lg px-3 py-2', typeof tileClassName === 'function' ? tileClassName(testId) : (tileClassName ?? 'bg-slate-50'))}
        >
          <dt className="text-xs text-slate-500">{label}</dt>
          <dd className={cx('font-semibold text-slate-900 tabular-nums', valueClassName)} data-testid={testId}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  )
}
