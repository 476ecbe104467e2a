import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { Suspense } from 'react'
import { PageHeader } from '~/components/page-header'
import { ClientList } from '~/features/clients/client-list'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('clients')
  return { title: `${t('title')} · Soul CRM` }
}

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
