import { useTranslations } from 'next-intl'
import { Card } from '~/components/card'
import { EmptyState } from '~/components/empty-state'
import { PageHeader } from '~/components/page-header'

/** A settings page frame: title, what the page is for, and its content (a placeholder until it is built). */
export function SettingsSection({
  title,
  description,
  placeholder,
  icon,
  children,
}: {
  title: string
  description: string
  placeholder?: string
  icon: React.ReactNode
  children?: React.ReactNode
}) {
  const t = useTranslations('settings')
  return (
    <div className="mx-auto max-w-4xl space-y-5 px-3 py-5 sm:px-6 sm:py-8">
      <PageHeader title={title} description={description} />
      {children ?? (
        <Card>
          <EmptyState icon={icon} title={t('comingSoon')} description={placeholder} data-testid="settings-placeholder" />
        </Card>
      )}
    </div>
  )
}
