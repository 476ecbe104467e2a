import { getTranslations } from 'next-intl/server'
import { PageHeader } from '~/components/page-header'
import { isAdminRole } from '~/features/shell/roles'
import { getCurrentUser } from '~/features/shell/get-current-user'
import { pageMetadata } from '~/features/shell/page-metadata'
import { AssignmentSettingsCard } from '~/features/conversations/assignment-settings-card'
import { GovernorCard } from '~/features/whatsapp/governor-card'
import { QuotaUsage } from '~/features/whatsapp/quota-usage'
import { WhatsAppConnectionCard } from '~/features/whatsapp/whatsapp-connection-card'
import { WhatsAppSettingsForm } from '~/features/whatsapp/whatsapp-settings-form'
import { getServerCaller } from '~/trpc/server'

export const generateMetadata = () => pageMetadata('settings.whatsapp.title')

export default async function WhatsAppSettingsPage() {
  const t = await getTranslations('settings.whatsapp')
  const me = await getCurrentUser()
  const canManage = Boolean(me && isAdminRole(me.role))
  // The QA phone exists only with the simulator engine; its state query answers NOT_FOUND otherwise.
  const simulator = await (
    await getServerCaller()
  ).devPhone
    .state()
    .then(() => true)
    .catch(() => false)
  return (
    <div className="mx-auto max-w-4xl space-y-5 px-3 py-5 sm:px-6 sm:py-8">
      <PageHeader title={t('title')} description={t('description')} />
      <WhatsAppConnectionCard canManage={canManage} simulator={simulator} />
      <div className="grid items-start gap-5 lg:grid-cols-[1fr_18rem]">
        <WhatsAppSettingsForm canManage={canManage} />
        <QuotaUsage />
      </div>
      <AssignmentSettingsCard canManage={canManage} />
      <GovernorCard canManage={canManage} />
    </div>
  )
}
