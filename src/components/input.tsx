import { cx } from './class-names'

export const fieldClasses =
  'block w-full rounded-lg border border-slate-200 bg-white px-3 text-sm text-slate-900 shadow-sm transition-colors placeholder:text-slate-400 hover:border-slate-300 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none disabled:bg-slate-50'

export interface InputProps extends React.InputHTMLAttributes<HTMLInputElement> {
  /** An icon or adornment shown inside the field, on the left. */
  leading?: React.ReactNode
}

export function Input({ className, leading, ...props }: InputProps) {
  if (!leading) return <input className={cx(fieldClasses, 'h-10', className)} {...props} />
  return (
    <div className={cx('relative', className)}>
      <span className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-slate-400">{leading}</span>
      <input className={cx(fieldClasses, 'h-10 pl-9')} {...props} />
    </div>
  )
}

/** A label above a field. */
export function Field({ label, htmlFor, children, className }: { label: React.ReactNode; htmlFor: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={cx('space-y-1.5', className)}>
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
    </div>
  )
}
