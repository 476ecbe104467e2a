import { getTranslations } from 'next-intl/server'
import { EmptyState } from '~/components/empty-state'
import { ChatIcon } from '~/components/icons'
import { pageMetadata } from '~/features/shell/page-metadata'

export const generateMetadata = () => pageMetadata('conversations.title')

export default async function ConversationsPage() {
  const t = await getTranslations('conversations')
  return (
    <div className="flex h-full items-center justify-center bg-chat-bg/60">
      <EmptyState icon={<ChatIcon />} title={t('selectTitle')} description={t('selectDescription')} />
    </div>
  )
}
