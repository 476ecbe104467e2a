import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { ChevronLeftIcon } from '~/components/icons'
import { PageHeader } from '~/components/page-header'
import { BulkSend } from '~/features/bulk/bulk-send'
import { getCurrentUser } from '~/features/shell/get-current-user'
import { pageMetadata } from '~/features/shell/page-metadata'
import { isAdminRole } from '~/features/shell/roles'

export const generateMetadata = () => pageMetadata('bulk.title')

/** Admins only: for operators the page does not exist (the API refuses them too). */
export default async function BulkSendPage() {
  const me = await getCurrentUser()
  if (!me || !isAdminRole(me.role)) notFound()
  const t = await getTranslations()
  return (
    <div className="mx-auto max-w-6xl space-y-5 px-3 py-5 sm:px-6 sm:py-8">
      <Link href="/clients" className="inline-flex items-center gap-1 text-sm font-medium text-slate-500 hover:text-slate-800">
        <ChevronLeftIcon className="size-4" />
        {t('clients.backToList')}
      </Link>
      <PageHeader title={t('bulk.title')} description={t('bulk.description')} />
      <BulkSend />
    </div>
  )
}
