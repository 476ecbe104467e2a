import { cx } from './class-names'
import { fieldClasses } from './input'

export type SelectProps = React.SelectHTMLAttributes<HTMLSelectElement>

/** A native select (best on phones), styled like the inputs, with its own chevron. */
export function Select({ className, children, ...props }: SelectProps) {
  return (
    <div className={cx('relative', className)}>
      <select className={cx(fieldClasses, 'h-10 cursor-pointer appearance-none pr-9')} {...props}>
        {children}
      </select>
      <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="pointer-events-none absolute inset-y-0 right-2.5 my-auto size-4 text-slate-400">
        <path
          fillRule="evenodd"
          d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z"
          clipRule="evenodd"
        />
      </svg>
    </div>
  )
}
