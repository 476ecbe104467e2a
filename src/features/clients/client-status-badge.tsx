import { useTranslations } from 'next-intl'
import { StatusBadge } from '~/components/status-badge'
import type { ClientStatus } from '~/shared/enums'
import { clientStatusTone } from './client-statuses'

export function ClientStatusBadge({ status, className, testId = 'client-status' }: { status: ClientStatus; className?: string; testId?: string }) {
  const t = useTranslations('clientStatus')
  return <StatusBadge status={status} look={{ tone: clientStatusTone(status) }} label={t(status)} testId={testId} className={className} />
}
