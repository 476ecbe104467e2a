import { getTranslations } from 'next-intl/server'
import { Suspense } from 'react'
import { PageHeader } from '~/components/page-header'
import { ClientList } from '~/features/clients/client-list'
import { pageMetadata } from '~/features/shell/page-metadata'

export const generateMetadata = () => pageMetadata('clients.title')

export default async function ClientsPage() {
  const t = await getTranslations('clients')
  return (
    <div className="mx-auto max-w-6xl space-y-5 px-3 py-5 sm:px-6 sm:py-8">
      <PageHeader title={t('title')} description={t('subtitle')} />
      <Suspense>
        <ClientList />
      </Suspense>
    </div>
  )
}
