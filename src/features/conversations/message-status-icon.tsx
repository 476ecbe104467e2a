import { useTranslations } from 'next-intl'
import { cx } from '~/components/class-names'
import { AlertIcon, ClockIcon, CloseIcon, DoubleTickIcon, TickIcon } from '~/components/icons'
import type { MessageStatus } from '~/shared/enums'

/** WhatsApp's delivery marks: clock, ✓, ✓✓, blue ✓✓, a red mark for a failed send, and ✕ for one a safety rule skipped. */
export function MessageStatusIcon({ status, className }: { status: MessageStatus; className?: string }) {
  const t = useTranslations('messageStatus')
  const label = t(status)
  const icon = {
    PENDING: <ClockIcon className="size-3.5" />,
    SENT: <TickIcon className="size-3.5" />,
    DELIVERED: <DoubleTickIcon className="h-3.5 w-4" />,
    READ: <DoubleTickIcon className="h-3.5 w-4" />,
    FAILED: <AlertIcon className="size-3.5" />,
    SKIPPED: <CloseIcon className="size-3.5" />,
  }[status]
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      data-testid="message-status"
      data-status={status}
      className={cx('inline-flex items-center', status === 'READ' ? 'text-tick-read' : status === 'FAILED' ? 'text-red-600' : 'text-slate-500', className)}
    >
      {icon}
    </span>
  )
}
