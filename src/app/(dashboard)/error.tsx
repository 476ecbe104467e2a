'use client'

import { useTranslations } from 'next-intl'
import { Button } from '~/components/button'
import { EmptyState } from '~/components/empty-state'
import { AlertIcon } from '~/components/icons'

/** A render error in a dashboard page: the shell stays, the page offers a retry. */
export default function DashboardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('common')
  return (
    <EmptyState
      className="h-full"
      icon={<AlertIcon />}
      titleAs="h1"
      titleTestId="page-title"
      title={t('errorTitle')}
      action={<Button onClick={reset}>{t('retry')}</Button>}
    />
  )
}
