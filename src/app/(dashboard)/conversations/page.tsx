import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { EmptyState } from '~/components/empty-state'
import { ChatIcon } from '~/components/icons'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('conversations')
  return { title: `${t('title')} · Soul CRM` }
}

export default async function ConversationsPage() {
  const t = await getTranslations('conversations')
  return (
    <div className="flex h-full items-center justify-center bg-chat-bg/60">
      <EmptyState icon={<ChatIcon />} title={t('selectTitle')} description={t('selectDescription')} />
    </div>
  )
}
