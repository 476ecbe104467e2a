import { cx } from './class-names'

/** A horizontal bar filled to `percent` (0–100), with an accessible value. */
export function ProgressBar({
  percent,
  label,
  tone = 'brand',
  className,
  ...props
}: { percent: number; label: string; tone?: 'brand' | 'amber' | 'red' } & React.HTMLAttributes<HTMLDivElement>) {
  const value = Math.max(0, Math.min(100, Math.round(percent)))
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      className={cx('h-2.5 w-full overflow-hidden rounded-full bg-slate-100', className)}
      {...props}
    >
      <div
        className={cx(
          'h-full rounded-full transition-[width] duration-500 ease-out',
          tone === 'brand' && 'bg-brand-500',
          tone === 'amber' && 'bg-amber-500',
          tone === 'red' && 'bg-red-500',
        )}
        style={{ width: `${value}%` }}
      />
    </div>
  )
}
