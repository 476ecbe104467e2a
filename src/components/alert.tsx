import { cx } from './class-names'
import { AlertIcon, CheckCircleIcon, InfoIcon } from './icons'

export type AlertTone = 'error' | 'warning' | 'info' | 'success'

const tones: Record<AlertTone, string> = {
  error: 'border-red-200 bg-red-50 text-red-800',
  warning: 'border-amber-200 bg-amber-50 text-amber-900',
  info: 'border-sky-200 bg-sky-50 text-sky-900',
  success: 'border-brand-200 bg-brand-50 text-brand-900',
}

const icons: Record<AlertTone, React.ReactNode> = {
  error: <AlertIcon className="mt-px size-4 shrink-0" />,
  warning: <AlertIcon className="mt-px size-4 shrink-0" />,
  info: <InfoIcon className="mt-px size-4 shrink-0" />,
  success: <CheckCircleIcon className="mt-px size-4 shrink-0" />,
}

/**
 * A message in a coloured box: errors the user must see (role="alert"), warnings, notes. `action`
 * sits under the text (a retry button, a link to settings).
 */
export function Alert({
  tone = 'info',
  title,
  action,
  className,
  children,
  ...props
}: { tone?: AlertTone; title?: React.ReactNode; action?: React.ReactNode } & Omit<React.HTMLAttributes<HTMLDivElement>, 'title'>) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cx('flex items-start gap-2.5 rounded-lg border px-3 py-2.5 text-sm', tones[tone], className)}
      {...props}
    >
      {icons[tone]}
      <div className="min-w-0 flex-1 space-y-1">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div className="leading-relaxed">{children}</div>}
        {action && <div className="pt-1.5">{action}</div>}
      </div>
    </div>
  )
}

/** What a failed button press said (a mutation's error), or nothing while there is none. */
export function ActionErrorAlert({ error, testId }: { error: { message: string } | null | undefined; testId: string }) {
  if (!error) return null
  return (
    <Alert tone="error" data-testid={testId}>
      {error.message}
    </Alert>
  )
}
