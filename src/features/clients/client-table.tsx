import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { Avatar } from '~/components/avatar'
import { ChevronRightIcon } from '~/components/icons'
import { PhoneText } from '~/components/phone-text'
import { useDateFormatter } from '~/components/use-date-formatter'
import { useClientDisplayName } from './client-display-name'
import { useLanguageName } from './client-languages'
import { ClientStatusBadge } from './client-status-badge'
import { OptOutBadge } from './opt-out-badge'
import type { ClientListItem } from './client-types'

/** Clients as a table; each row opens the client's card (the name is a link stretched over the row). */
export function ClientTable({ clients }: { clients: ClientListItem[] }) {
  const t = useTranslations('clients')
  const format = useDateFormatter()
  const languageName = useLanguageName()
  const displayName = useClientDisplayName()
  const th = 'px-3 py-2.5 sm:px-4 text-left text-xs font-medium tracking-wide text-slate-500 uppercase'
  return (
    <table data-testid="clients-table" className="w-full text-sm">
      <thead className="border-b border-slate-100 bg-slate-50/70">
        <tr>
          <th scope="col" className={th}>
            {t('columns.name')}
          </th>
          <th scope="col" className={`${th} hidden md:table-cell`}>
            {t('columns.phone')}
          </th>
          <th scope="col" className={`${th} hidden sm:table-cell`}>
            {t('columns.status')}
          </th>
          <th scope="col" className={`${th} hidden lg:table-cell`}>
            {t('columns.language')}
          </th>
          <th scope="col" className={`${th} hidden sm:table-cell`}>
            {t('columns.created')}
          </th>
          <th className="w-8" />
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {clients.map((client) => {
          return (
            <tr key={client.id} data-testid="client-row" className="group relative transition-colors hover:bg-slate-50">
              {/* w-full + max-w-0: the name column takes the room left and truncates, so phones never scroll sideways. */}
              <td className="w-full max-w-0 py-3 pr-2 pl-3 sm:px-4">
                <div className="flex min-w-0 items-center gap-3">
                  <Avatar name={client.name ?? ''} seed={client.id} size="sm" />
                  <div className="min-w-0">
                    <Link
                      href={`/clients/${client.id}`}
                      className="block truncate font-medium text-slate-900 after:absolute after:inset-0 after:content-[''] focus-visible:outline-none group-focus-within:text-brand-700"
                      data-testid="client-link"
                    >
                      {displayName(client)}
                    </Link>
                    <PhoneText phone={client.phone} className="block truncate text-xs text-slate-500 tabular-nums md:hidden" />
                    <ClientStatusBadge status={client.status} className="mt-1 sm:hidden" testId="client-status-compact" />
                    <OptOutBadge optedOutAt={client.optedOutAt} className="mt-1 ml-1 sm:hidden" testId="client-opted-out-compact" />
                  </div>
                </div>
              </td>
              <td className="hidden px-4 py-3 whitespace-nowrap text-slate-600 tabular-nums md:table-cell">
                <PhoneText phone={client.phone} />
              </td>
              <td className="hidden px-2 py-3 sm:table-cell sm:px-4">
                <ClientStatusBadge status={client.status} />
                <OptOutBadge optedOutAt={client.optedOutAt} className="ml-1" />
              </td>
              <td className="hidden px-4 py-3 text-slate-600 lg:table-cell">{languageName(client.preferredLanguage) ?? '—'}</td>
              <td className="hidden px-4 py-3 whitespace-nowrap text-slate-500 sm:table-cell">{format.dateTime(client.createdAt, { dateStyle: 'medium' })}</td>
              <td className="pr-2 text-slate-300 group-hover:text-slate-500 sm:pr-3">
                <ChevronRightIcon className="size-4" />
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
