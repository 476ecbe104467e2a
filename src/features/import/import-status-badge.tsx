import { useTranslations } from 'next-intl'
import { StatusBadge, type StatusLook } from '~/components/status-badge'
import type { ImportJobStatus } from './import-types'

const looks: Record<ImportJobStatus, StatusLook> = {
  PENDING: { tone: 'amber', pulse: true },
  WAITING_FOR_SCAN: { tone: 'sky', pulse: true },
  RUNNING: { tone: 'amber', pulse: true },
  COMPLETED: { tone: 'green' },
  FAILED: { tone: 'red' },
  CANCELLED: { tone: 'gray' },
}

/** An import's state as a coloured pill with a status light. */
export function ImportStatusBadge({ status, className }: { status: ImportJobStatus; className?: string }) {
  const t = useTranslations('import.status')
  return <StatusBadge status={status} look={looks[status]} label={t(status)} dot testId="import-status" className={className} />
}
