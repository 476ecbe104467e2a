import { cx } from './class-names'

export function Card({ className, ...props }: React.HTMLAttributes<HTMLDivElement>) {
  return <div className={cx('rounded-xl border border-slate-200 bg-white shadow-sm', className)} {...props} />
}

export function CardHeader({ title, actions, className }: { title: React.ReactNode; actions?: React.ReactNode; className?: string }) {
  return (
    <div className={cx('flex items-center justify-between gap-3 border-b border-slate-100 px-4 py-3 sm:px-5', className)}>
      <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      {actions}
    </div>
  )
}
