import { cx } from './class-names'

export type BadgeTone = 'gray' | 'blue' | 'sky' | 'violet' | 'amber' | 'green' | 'emerald' | 'red'

const tones: Record<BadgeTone, string> = {
  gray: 'bg-slate-100 text-slate-700 ring-slate-500/15',
  blue: 'bg-blue-50 text-blue-700 ring-blue-600/15',
  sky: 'bg-sky-50 text-sky-700 ring-sky-600/15',
  violet: 'bg-violet-50 text-violet-700 ring-violet-600/15',
  amber: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  green: 'bg-brand-50 text-brand-800 ring-brand-600/20',
  emerald: 'bg-emerald-100 text-emerald-800 ring-emerald-600/25',
  red: 'bg-red-50 text-red-700 ring-red-600/15',
}

export function Badge({ tone = 'gray', className, children, ...props }: React.HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone }) {
  return (
    <span
      className={cx('inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset', tones[tone], className)}
      {...props}
    >
      {children}
    </span>
  )
}
