import { cx } from './class-names'
import { InfoIcon } from './icons'

export function Card({ className, ...props }: React.HTMLAttributes<HTMLDivElement>) {
  return <div className={cx('rounded-xl border border-slate-200 bg-white shadow-sm', className)} {...props} />
}

/**
 * A card's top strip: the title (with an optional icon tile and a line under it) on the left, and
 * `actions` (buttons, status badges) on the right; on a narrow screen the actions wrap below.
 */
export function CardHeader({
  title,
  subtitle,
  icon,
  actions,
  className,
}: {
  title: React.ReactNode
  subtitle?: React.ReactNode
  icon?: React.ReactNode
  actions?: React.ReactNode
  className?: string
}) {
  return (
    <div className={cx('flex flex-wrap items-center justify-between gap-3 border-b border-slate-100 px-4 py-3 sm:px-5', className)}>
      <div className="flex min-w-0 items-center gap-2.5">
        {icon && <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-brand-700">{icon}</span>}
        <div className="min-w-0">
          <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
          {subtitle && <p className="text-xs text-slate-500">{subtitle}</p>}
        </div>
      </div>
      {actions && <div className="flex items-center gap-2">{actions}</div>}
    </div>
  )
}

/** A card's grey bottom strip: a note behind an info icon, and `more` lines indented under it. */
export function CardNoteFooter({ children, more }: { children: React.ReactNode; more?: React.ReactNode }) {
  return (
    <div className="space-y-1.5 border-t border-slate-100 bg-slate-50/70 px-4 py-3 text-xs text-slate-500 sm:px-5">
      <p className="flex gap-2">
        <InfoIcon className="mt-px size-4 shrink-0 text-slate-400" />
        <span>{children}</span>
      </p>
      {more && <p className="pl-6">{more}</p>}
    </div>
  )
}
