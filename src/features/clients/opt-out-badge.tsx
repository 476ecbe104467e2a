import { useTranslations } from 'next-intl'
import { Badge } from '~/components/badge'
import { useDateFormatter } from '~/components/use-date-formatter'

/** "Opted out": the customer asked not to be written to; bulk and agent messages skip them, people may still answer. */
export function OptOutBadge({ optedOutAt, className, testId = 'client-opted-out' }: { optedOutAt: Date | string | null; className?: string; testId?: string }) {
  const t = useTranslations('clients.optOut')
  const format = useDateFormatter()
  if (!optedOutAt) return null
  const title = t('hint', { date: format.dateTime(new Date(optedOutAt), { dateStyle: 'medium' }) })
  return (
    <Badge tone="red" title={title} aria-label={title} className={className} data-testid={testId}>
      {t('badge')}
    </Badge>
  )
}
