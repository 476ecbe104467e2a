import { getTranslations } from 'next-intl/server'
import { PhoneLinkIcon } from '~/components/icons'
import { SettingsSection } from '~/features/settings/settings-section'
import { pageMetadata } from '~/features/shell/page-metadata'

export const generateMetadata = () => pageMetadata('settings.whatsapp.title')

export default async function WhatsAppSettingsPage() {
  const t = await getTranslations('settings.whatsapp')
  return <SettingsSection title={t('title')} description={t('description')} placeholder={t('placeholder')} icon={<PhoneLinkIcon />} />
}
