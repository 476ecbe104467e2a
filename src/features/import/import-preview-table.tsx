import { useTranslations } from 'next-intl'
import { PhoneText } from '~/components/phone-text'
import { useClientDisplayName } from '../clients/client-display-name'
import { useLanguageName } from '../clients/client-languages'
import { ClientStatusBadge } from '../clients/client-status-badge'
import type { ImportPreviewRow } from './import-types'

/** A dry run's answer: the clients and messages a real import would bring in. A table on wide screens, cards on phones. */
export function ImportPreviewTable({ rows }: { rows: ImportPreviewRow[] }) {
  const t = useTranslations('import.preview')
  const displayName = useClientDisplayName()
  const languageName = useLanguageName()
  return (
    <section className="space-y-2" data-testid="import-preview">
      <h3 className="text-sm font-semibold text-slate-900">{t('title')}</h3>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-200 px-3 py-4 text-center text-sm text-slate-500">{t('empty')}</p>
      ) : (
        <div className="overflow-hidden rounded-lg border border-slate-200">
          <table className="w-full text-sm">
            <thead className="hidden bg-slate-50 text-left text-xs font-medium text-slate-500 sm:table-header-group">
              <tr>
                <th className="px-3 py-2 font-medium">{t('client')}</th>
                <th className="px-3 py-2 font-medium">{t('status')}</th>
                <th className="px-3 py-2 font-medium">{t('language')}</th>
                <th className="px-3 py-2 text-right font-medium">{t('messages')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row, index) => (
                <tr
                  key={`${row.phone ?? ''}-${index}`}
                  className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2.5 sm:table-row sm:p-0"
                  data-testid="import-preview-row"
                >
                  <td className="w-full min-w-0 sm:w-auto sm:px-3 sm:py-2.5">
                    <span className="block truncate font-medium text-slate-900">{displayName(row)}</span>
                    {/* Without a name the number is already the title; a hidden number still says so. */}
                    {(row.name || !row.phone) && <PhoneText phone={row.phone} className="block text-xs text-slate-500 tabular-nums" />}
                  </td>
                  <td className="sm:px-3 sm:py-2.5">
                    <ClientStatusBadge status={row.status} testId="import-preview-status" />
                  </td>
                  <td className="text-slate-600 sm:px-3 sm:py-2.5">{languageName(row.language) ?? '—'}</td>
                  <td className="ml-auto text-right text-slate-700 tabular-nums sm:px-3 sm:py-2.5">
                    {t('messagesValue', { newMessages: row.newMessages, messages: row.messages })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
