import { useTranslations } from 'next-intl'
import { Avatar } from '~/components/avatar'
import { Card } from '~/components/card'
import { PhoneText } from '~/components/phone-text'
import { useDateFormatter } from '~/components/use-date-formatter'
import { useClientDisplayName } from './client-display-name'
import { useLanguageName } from './client-languages'
import { ClearOptOutButton } from './clear-opt-out-button'
import { ClientStatusBadge } from './client-status-badge'
import { OptOutBadge } from './opt-out-badge'
import type { ClientDetails } from './client-types'
import { DetailList, type DetailRow } from '~/components/detail-list'
import { StartChatButton } from '../conversations/start-chat-button'

/** The client's details: who they are, where they are in the pipeline, whether they opted out, and since when. */
export function ClientCard({ client, canClearOptOut = false }: { client: ClientDetails; canClearOptOut?: boolean }) {
  const t = useTranslations('clients')
  const format = useDateFormatter()
  const languageName = useLanguageName()
  const displayName = useClientDisplayName()
  const rows: DetailRow[] = [
    [t('columns.phone'), <PhoneText key="phone" phone={client.phone} className="tabular-nums" />, 'client-phone'],
    ...(client.email ? [[t('email'), client.email, 'client-email'] as [string, React.ReactNode, string]] : []),
    [t('columns.language'), languageName(client.preferredLanguage) ?? t('noLanguage'), 'client-language'],
    [t('columns.created'), format.dateTime(client.createdAt, { dateStyle: 'long' }), 'client-created'],
  ]
  return (
    <Card data-testid="client-card">
      <div className="flex items-center gap-4 border-b border-slate-100 p-5">
        <Avatar name={client.name ?? ''} seed={client.id} size="lg" />
        <div className="min-w-0 space-y-1.5">
          <h1 data-testid="page-title" className="truncate text-lg font-semibold tracking-tight text-slate-900">
            {displayName(client)}
          </h1>
          <div className="flex flex-wrap items-center gap-1.5">
            <ClientStatusBadge status={client.status} />
            <OptOutBadge optedOutAt={client.optedOutAt} />
          </div>
          {client.optedOutAt && canClearOptOut && <ClearOptOutButton clientId={client.id} />}
          <StartChatButton clientId={client.id} />
        </div>
      </div>
      <DetailList rows={rows} className="px-5" />
    </Card>
  )
}
