import { useTranslations } from 'next-intl'
import { Alert } from './alert'
import { Button } from './button'

/** A query that failed to load: its message and a Retry button (the query shows its next error itself). */
export function QueryErrorAlert({ error, onRetry }: { error: { message: string }; onRetry: () => unknown }) {
  const t = useTranslations('common')
  return (
    <Alert
      tone="error"
      action={
        <Button variant="secondary" size="sm" onClick={() => void onRetry()}>
          {t('retry')}
        </Button>
      }
    >
      {error.message}
    </Alert>
  )
}
