import { cx } from './class-names'

/** One line of a details list: label, value, and the value's test id. */
export type DetailRow = [label: React.ReactNode, value: React.ReactNode, testId: string]

/** Label-left, value-right rows (client card, connected phone, simulated phone). */
export function DetailList({
  rows,
  className,
  rowClassName,
  ...rest
}: { rows: DetailRow[]; className?: string; rowClassName?: string } & Omit<React.HTMLAttributes<HTMLDListElement>, 'children'>) {
  return (
    <dl className={cx('divide-y divide-slate-100', className)} {...rest}>
      {rows.map(([label, value, testId]) => (
        <div key={testId} className={cx('flex justify-between gap-4 text-sm', rowClassName ?? 'items-baseline py-3')}>
          <dt className="text-slate-500">{label}</dt>
          <dd className="min-w-0 truncate text-right font-medium text-slate-900" data-testid={testId}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  )
}
