import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { buttonClasses } from '~/components/button'
import { Card, CardHeader } from '~/components/card'
import { EmptyState } from '~/components/empty-state'
import { ChatIcon, ChevronLeftIcon } from '~/components/icons'
import { ClientCard } from '~/features/clients/client-card'
import { ClientHistory } from '~/features/clients/client-history'
import { ConversationView } from '~/features/conversations/conversation-view'
import { MessageComposer } from '~/features/conversations/message-composer'
import { getCurrentUser } from '~/features/shell/get-current-user'
import { orNotFound } from '~/features/shell/or-not-found'
import { isAdminRole } from '~/features/shell/roles'
import { getServerCaller } from '~/trpc/server'

export default async function ClientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const caller = await getServerCaller()
  const client = await orNotFound(caller.clients.byId({ clientId: id }))
  const t = await getTranslations('clients')
  const me = await getCurrentUser()
  const isAdmin = Boolean(me && isAdminRole(me.role))
  const conversation = client.conversations.find((c) => c.channel === 'WHATSAPP')

  return (
    <div className="mx-auto max-w-6xl space-y-4 px-3 py-5 sm:px-6 sm:py-8">
      <Link href="/clients" className="inline-flex items-center gap-1 text-sm font-medium text-slate-500 hover:text-slate-800" data-testid="back-to-clients">
        <ChevronLeftIcon className="size-4" />
        {t('backToList')}
      </Link>
      <div className="grid items-start gap-4 lg:grid-cols-[20rem_1fr]">
        <div className="space-y-4">
          <ClientCard client={client} canClearOptOut={isAdmin} canDelete={isAdmin} />
          <ClientHistory client={client} />
        </div>
        <Card className="overflow-hidden">
          <CardHeader
            title={t('conversationTitle')}
            actions={
              conversation && (
                <Link href={`/conversations/${conversation.id}`} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
                  {t('openConversation')}
                </Link>
              )
            }
          />
          {conversation ? (
            <div className="h-[60vh] min-h-80 lg:h-[34rem]">
              <ConversationView conversationId={conversation.id} footer={<MessageComposer conversationId={conversation.id} />} />
            </div>
          ) : (
            <EmptyState icon={<ChatIcon />} title={t('noConversation')} data-testid="client-no-conversation" />
          )}
        </Card>
      </div>
    </div>
  )
}
