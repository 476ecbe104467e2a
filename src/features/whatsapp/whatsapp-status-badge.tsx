import { useTranslations } from 'next-intl'
import { Badge, type BadgeTone } from '~/components/badge'
import { cx } from '~/components/class-names'
import type { WhatsAppStatus } from './whatsapp-types'

const tones: Record<WhatsAppStatus, BadgeTone> = {
  DISCONNECTED: 'gray',
  CONNECTING: 'amber',
  QR_CODE_PENDING: 'sky',
  CONNECTED: 'green',
  ERROR: 'red',
}

const dots: Record<WhatsAppStatus, string> = {
  DISCONNECTED: 'bg-slate-400',
  CONNECTING: 'bg-amber-500 animate-pulse',
  QR_CODE_PENDING: 'bg-sky-500 animate-pulse',
  CONNECTED: 'bg-brand-500',
  ERROR: 'bg-red-500',
}

/** The connection state as a coloured pill (data-status = the raw status, for tests). */
export function WhatsAppStatusBadge({ status, className }: { status: WhatsAppStatus; className?: string }) {
  const t = useTranslations('whatsapp.status')
  return (
    <Badge tone={tones[status]} className={cx('px-2.5 py-1', className)} data-testid="whatsapp-status" data-status={status}>
      <span aria-hidden className={cx('size-2 rounded-full', dots[status])} />
      {t(status)}
    </Badge>
  )
}
