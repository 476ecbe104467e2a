import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { buttonClasses } from './button'
import { EmptyState } from './empty-state'

/** "Page not found", with a way back. */
export function NotFoundState({ backHref = '/', backLabel }: { backHref?: string; backLabel?: string }) {
  const t = useTranslations('common')
  return (
    <EmptyState
      className="min-h-[60vh]"
      titleAs="h1"
      titleTestId="page-title"
      title={t('notFoundTitle')}
      description={t('notFoundDescription')}
      action={
        <Link href={backHref} className={buttonClasses()}>
          {backLabel ?? t('goHome')}
        </Link>
      }
    />
  )
}
