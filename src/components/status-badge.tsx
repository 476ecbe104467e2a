import { Badge, type BadgeTone } from './badge'
import { cx } from './class-names'

/** How one status looks: its colour, and whether it is still moving (the dot pulses). */
export interface StatusLook {
  tone: BadgeTone
  pulse?: boolean
}

const dotColours: Record<BadgeTone, string> = {
  gray: 'bg-slate-400',
  blue: 'bg-blue-500',
  sky: 'bg-sky-500',
  violet: 'bg-violet-500',
  amber: 'bg-amber-500',
  green: 'bg-brand-500',
  emerald: 'bg-emerald-500',
  red: 'bg-red-500',
}

/**
 * A status as a coloured pill with its translated label; `dot` adds a status light (and roomier
 * padding) for states that change live. data-status carries the raw status, for tests.
 */
export function StatusBadge({
  status,
  look,
  label,
  dot = false,
  testId,
  className,
}: {
  status: string
  look: StatusLook
  label: string
  dot?: boolean
  testId: string
  className?: string
}) {
  return (
    <Badge tone={look.tone} className={cx(dot && 'px-2.5 py-1', className)} data-testid={testId} data-status={status}>
      {dot && <span aria-hidden className={cx('size-2 rounded-full', dotColours[look.tone], look.pulse && 'animate-pulse')} />}
      {label}
    </Badge>
  )
}
