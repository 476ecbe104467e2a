import { useTranslations } from 'next-intl'
import { CheckCircleIcon } from '~/components/icons'
import { formatPhone } from '~/components/phone-text'
import { useDateFormatter } from '~/components/use-date-formatter'
import type { WhatsAppStatusView } from './whatsapp-types'

/** The linked number, its WhatsApp name and since when it is connected. */
export function WhatsAppConnectedDetails({ view, action }: { view: WhatsAppStatusView; action?: React.ReactNode }) {
  const t = useTranslations('whatsapp.connected')
  const format = useDateFormatter()
  const rows: Array<[string, React.ReactNode, string]> = [
    [t('number'), <span key="n" dir="ltr" className="tabular-nums">{formatPhone(view.phoneNumber) ?? '—'}</span>, 'whatsapp-phone'],
    [t('name'), view.pushName ?? '—', 'whatsapp-push-name'],
    [t('since'), view.lastConnectedAt ? format.dateTime(view.lastConnectedAt, { dateStyle: 'medium', timeStyle: 'short' }) : '—', 'whatsapp-connected-since'],
  ]
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3 rounded-xl bg-brand-50 px-4 py-3 text-brand-900">
        <CheckCircleIcon className="size-6 shrink-0 text-brand-600" />
        <div>
          <p className="text-sm font-semibold">{t('title')}</p>
          <p className="text-sm text-brand-800/80">{t('body')}</p>
        </div>
      </div>
      <dl className="divide-y divide-slate-100 rounded-xl border border-slate-100">
        {rows.map(([label, value, testId]) => (
          <div key={testId} className="flex items-baseline justify-between gap-4 px-4 py-2.5 text-sm">
            <dt className="text-slate-500">{label}</dt>
            <dd className="min-w-0 truncate text-right font-medium text-slate-900" data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {action && <div className="flex justify-end">{action}</div>}
    </div>
  )
}
