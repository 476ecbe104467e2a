import { useTranslations } from 'next-intl'
import { Badge } from '~/components/badge'
import type { ClientStatus } from '~/server/db/generated/enums'
import { clientStatusTone } from './client-statuses'

export function ClientStatusBadge({ status, className, testId = 'client-status' }: { status: ClientStatus; className?: string; testId?: string }) {
  const t = useTranslations('clientStatus')
  return (
    <Badge tone={clientStatusTone(status)} className={className} data-testid={testId} data-status={status}>
      {t(status)}
    </Badge>
  )
}
