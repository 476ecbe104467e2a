import { cx } from './class-names'

/** A friendly placeholder for lists with nothing in them. */
export function EmptyState({
  icon,
  title,
  description,
  action,
  className,
  titleAs: Title = 'p',
  titleTestId,
  ...props
}: {
  icon?: React.ReactNode
  title: React.ReactNode
  description?: React.ReactNode
  action?: React.ReactNode
  className?: string
  /** A heading when the empty state is the whole page (not found, errors). */
  titleAs?: 'p' | 'h1' | 'h2'
  titleTestId?: string
} & Omit<React.HTMLAttributes<HTMLDivElement>, 'title'>) {
  return (
    <div className={cx('flex flex-col items-center justify-center px-6 py-12 text-center', className)} {...props}>
      {icon && <div className="mb-4 flex size-12 items-center justify-center rounded-full bg-brand-50 text-brand-600">{icon}</div>}
      <Title className="text-base font-semibold text-slate-900" data-testid={titleTestId}>
        {title}
      </Title>
      {description && <p className="mt-1 max-w-sm text-sm text-slate-500">{description}</p>}
      {action && <div className="mt-5">{action}</div>}
    </div>
  )
}
