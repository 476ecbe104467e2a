import { getTranslations } from 'next-intl/server'
import { PageHeader } from '~/components/page-header'
import { QuickRepliesManager } from '~/features/quick-replies/quick-replies-manager'
import { getCurrentUser } from '~/features/shell/get-current-user'
import { pageMetadata } from '~/features/shell/page-metadata'
import { isAdminRole } from '~/features/shell/roles'

export const generateMetadata = () => pageMetadata('settings.quickReplies.title')

export default async function QuickRepliesSettingsPage() {
  const t = await getTranslations('settings.quickReplies')
  const me = await getCurrentUser()
  const canManage = Boolean(me && isAdminRole(me.role))
  return (
    <div className="mx-auto max-w-4xl space-y-5 px-3 py-5 sm:px-6 sm:py-8">
      <PageHeader title={t('title')} description={t('description')} />
      <QuickRepliesManager canManage={canManage} />
    </div>
  )
}
