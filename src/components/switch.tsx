import { cx } from './class-names'

/**
 * An on/off switch with its label and an optional hint: a real checkbox (role="switch"), so it works
 * with the keyboard, screen readers and `check()` in tests.
 */
export function Switch({
  label,
  hint,
  className,
  ...props
}: { label: React.ReactNode; hint?: React.ReactNode } & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return (
    <label className={cx('flex items-start gap-3', props.disabled ? 'cursor-not-allowed' : 'cursor-pointer', className)}>
      <span className="relative mt-0.5 inline-flex shrink-0">
        {/* Transparent over the track (not sr-only), so clicks and taps on the switch hit the real checkbox. */}
        <input
          type="checkbox"
          role="switch"
          className="peer absolute inset-0 z-10 m-0 size-full cursor-pointer opacity-0 disabled:cursor-not-allowed"
          {...props}
        />
        <span
          aria-hidden
          className="h-6 w-10 rounded-full bg-slate-300 transition-colors peer-checked:bg-brand-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-500 peer-disabled:opacity-60"
        />
        <span aria-hidden className="absolute top-0.5 left-0.5 size-5 rounded-full bg-white shadow-sm transition-transform peer-checked:translate-x-4" />
      </span>
      <span className="min-w-0 text-sm">
        <span className="block font-medium text-slate-800">{label}</span>
        {hint && <span className="mt-0.5 block text-slate-500">{hint}</span>}
      </span>
    </label>
  )
}
