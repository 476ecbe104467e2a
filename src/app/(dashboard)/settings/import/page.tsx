import { getTranslations } from 'next-intl/server'
import { UploadIcon } from '~/components/icons'
import { SettingsSection } from '~/features/settings/settings-section'
import { pageMetadata } from '~/features/shell/page-metadata'

export const generateMetadata = () => pageMetadata('settings.import.title')

export default async function ImportSettingsPage() {
  const t = await getTranslations('settings.import')
  return <SettingsSection title={t('title')} description={t('description')} placeholder={t('placeholder')} icon={<UploadIcon />} />
}
