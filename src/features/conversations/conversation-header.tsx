import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { Avatar } from '~/components/avatar'
import { buttonClasses } from '~/components/button'
import { ChevronLeftIcon, ChevronRightIcon } from '~/components/icons'
import { PhoneText } from '~/components/phone-text'
import type { ClientListItem } from '../clients/client-types'
import { useClientDisplayName } from '../clients/client-display-name'
import { ClientStatusBadge } from '../clients/client-status-badge'
import { OptOutBadge } from '../clients/opt-out-badge'

/** The open conversation's title bar: back (on phones), who it is with (and whether they opted out), a link to their card. */
export function ConversationHeader({ client }: { client: Pick<ClientListItem, 'id' | 'name' | 'phone' | 'status' | 'optedOutAt'> }) {
  const t = useTranslations('conversations')
  const displayName = useClientDisplayName()
  return (
    <header className="flex h-16 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-2 sm:px-4">
      <Link href="/conversations" data-testid="conversation-back" aria-label={t('back')} className="rounded-lg p-2 text-slate-600 hover:bg-slate-100 md:hidden">
        <ChevronLeftIcon />
      </Link>
      <Avatar name={client.name ?? ''} seed={client.id} />
      <div className="min-w-0 flex-1">
        <h1 data-testid="page-title" className="truncate text-base font-semibold text-slate-900">
          {displayName(client)}
        </h1>
        <PhoneText phone={client.phone} className="block truncate text-xs text-slate-500 tabular-nums" />
      </div>
      <OptOutBadge optedOutAt={client.optedOutAt} />
      <ClientStatusBadge status={client.status} className="max-sm:hidden" />
      <Link
        href={`/clients/${client.id}`}
        aria-label={t('viewClient')}
        className={buttonClasses({ variant: 'secondary', size: 'sm' })}
        data-testid="conversation-client-link"
      >
        <span className="max-sm:hidden">{t('viewClient')}</span>
        <ChevronRightIcon className="size-4 sm:hidden" />
      </Link>
    </header>
  )
}
