import { getTranslations } from 'next-intl/server'
import { Badge } from '~/components/badge'
import { PageHeader } from '~/components/page-header'
import { DevPhone } from '~/features/dev-phone/dev-phone'
import { orNotFound } from '~/features/shell/or-not-found'
import { pageMetadata } from '~/features/shell/page-metadata'
import { getServerCaller } from '~/trpc/server'

export const generateMetadata = () => pageMetadata('devPhone.title')

/** Exists only while the server runs the simulator engine (devPhone answers NOT_FOUND otherwise). */
export default async function DevPhonePage() {
  await orNotFound((await getServerCaller()).devPhone.state())
  const t = await getTranslations('devPhone')
  return (
    <div className="mx-auto max-w-6xl space-y-5 px-3 py-5 sm:px-6 sm:py-8">
      <PageHeader title={t('title')} description={t('description')} actions={<Badge tone="amber">{t('simulatorBadge')}</Badge>} />
      <DevPhone />
    </div>
  )
}
