import { useTranslations } from 'next-intl'
import { StatusBadge, type StatusLook } from '~/components/status-badge'
import type { WhatsAppStatus } from './whatsapp-types'

const looks: Record<WhatsAppStatus, StatusLook> = {
  DISCONNECTED: { tone: 'gray' },
  CONNECTING: { tone: 'amber', pulse: true },
  QR_CODE_PENDING: { tone: 'sky', pulse: true },
  CONNECTED: { tone: 'green' },
  ERROR: { tone: 'red' },
}

/** The connection state as a coloured pill with a status light. */
export function WhatsAppStatusBadge({ status, className }: { status: WhatsAppStatus; className?: string }) {
  const t = useTranslations('whatsapp.status')
  return <StatusBadge status={status} look={looks[status]} label={t(status)} dot testId="whatsapp-status" className={className} />
}
