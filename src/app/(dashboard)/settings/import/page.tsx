import { getTranslations } from 'next-intl/server'
import { Alert } from '~/components/alert'
import { PageHeader } from '~/components/page-header'
import { ExportUploadCard } from '~/features/import/export-upload-card'
import { HistoryImportCard } from '~/features/import/history-import-card'
import { getCurrentUser } from '~/features/shell/get-current-user'
import { pageMetadata } from '~/features/shell/page-metadata'
import { isAdminRole } from '~/features/shell/roles'

export const generateMetadata = () => pageMetadata('settings.import.title')

export default async function ImportSettingsPage() {
  const t = await getTranslations()
  const me = await getCurrentUser()
  const canManage = Boolean(me && isAdminRole(me.role))
  return (
    <div className="mx-auto max-w-4xl space-y-5 px-3 py-5 sm:px-6 sm:py-8">
      <PageHeader title={t('settings.import.title')} description={t('import.page.description')} />
      <HistoryImportCard canManage={canManage} />
      {canManage ? (
        <ExportUploadCard />
      ) : (
        <Alert tone="info" data-testid="export-admins-only">
          {t('import.page.membersExport')}
        </Alert>
      )}
    </div>
  )
}
