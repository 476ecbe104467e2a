import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { PageHeader } from '~/components/page-header'
import { DashboardView } from '~/features/dashboard/dashboard-view'
import { getCurrentUser } from '~/features/shell/get-current-user'
import { pageMetadata } from '~/features/shell/page-metadata'
import { isAdminRole } from '~/features/shell/roles'

export const generateMetadata = () => pageMetadata('dashboard.title')

/** The org admin's landing page; an operator is sent to the inbox (the API refuses them too). */
export default async function DashboardPage() {
  const me = await getCurrentUser()
  if (!me || !isAdminRole(me.role)) redirect('/conversations')
  const t = await getTranslations('dashboard')
  return (
    <div className="mx-auto max-w-6xl space-y-4 px-3 py-5 sm:px-6 sm:py-8">
      <PageHeader title={t('title')} description={t('description')} />
      <DashboardView />
    </div>
  )
}
