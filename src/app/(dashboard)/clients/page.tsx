import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { Suspense } from 'react'
import { buttonClasses } from '~/components/button'
import { MegaphoneIcon } from '~/components/icons'
import { PageHeader } from '~/components/page-header'
import { ClientList } from '~/features/clients/client-list'
import { getCurrentUser } from '~/features/shell/get-current-user'
import { pageMetadata } from '~/features/shell/page-metadata'
import { isAdminRole } from '~/features/shell/roles'

export const generateMetadata = () => pageMetadata('clients.title')

export default async function ClientsPage() {
  const t = await getTranslations()
  const me = await getCurrentUser()
  return (
    <div className="mx-auto max-w-6xl space-y-5 px-3 py-5 sm:px-6 sm:py-8">
      <PageHeader
        title={t('clients.title')}
        description={t('clients.subtitle')}
        actions={
          me && isAdminRole(me.role) ? (
            <Link href="/clients/bulk" className={buttonClasses({ variant: 'secondary' })} data-testid="bulk-link">
              <MegaphoneIcon className="size-4" />
              {t('bulk.link')}
            </Link>
          ) : undefined
        }
      />
      <Suspense>
        <ClientList />
      </Suspense>
    </div>
  )
}
