import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { UploadIcon } from '~/components/icons'
import { SettingsSection } from '~/features/settings/settings-section'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings.import')
  return { title: `${t('title')} · Soul CRM` }
}

export default async function ImportSettingsPage() {
  const t = await getTranslations('settings.import')
  return <SettingsSection title={t('title')} description={t('description')} placeholder={t('placeholder')} icon={<UploadIcon />} />
}
