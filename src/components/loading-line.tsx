import { cx } from './class-names'
import { SpinnerIcon } from './icons'

/** A spinner and a line of grey text while something loads; `className` sets the spacing around it. */
export function LoadingLine({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <div className={cx('flex items-center gap-3 text-sm text-slate-500', className)} aria-busy>
      <SpinnerIcon className="size-5 shrink-0" />
      {children}
    </div>
  )
}
