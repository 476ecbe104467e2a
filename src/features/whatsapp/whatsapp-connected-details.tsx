import { useTranslations } from 'next-intl'
import { Alert } from '~/components/alert'
import { CheckCircleIcon } from '~/components/icons'
import { formatPhone } from '~/components/phone-text'
import { useDateFormatter } from '~/components/use-date-formatter'
import type { WhatsAppStatusView } from './whatsapp-types'
import { DetailList, type DetailRow } from '~/components/detail-list'

/** The linked number, its WhatsApp name and since when it is connected. */
export function WhatsAppConnectedDetails({ view, action }: { view: WhatsAppStatusView; action?: React.ReactNode }) {
  const t = useTranslations('whatsapp.connected')
  const format = useDateFormatter()
  const rows: DetailRow[] = [
    [
      t('number'),
      <span key="n" dir="ltr" className="tabular-nums">
        {formatPhone(view.phoneNumber) ?? '—'}
      </span>,
      'whatsapp-phone',
    ],
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
      <DetailList rows={rows} className="rounded-xl border border-slate-100" rowClassName="items-baseline px-4 py-2.5" />
      <StoredProfileWarning profile={view.storedProfile} />
      {action && <div className="flex justify-end">{action}</div>}
    </div>
  )
}

const MB = 1024 * 1024

/** The stored profile archive passed WHATSAPP_SESSION_SIZE_WARN_MB: saves and starts get slow. */
function StoredProfileWarning({ profile }: { profile: WhatsAppStatusView['storedProfile'] }) {
  const t = useTranslations('whatsapp.storedProfile')
  if (!profile?.oversized) return null
  const size = Math.round((profile.sizeBytes / MB) * 10) / 10
  const limit = Math.round(profile.limitBytes / MB)
  return (
    <Alert tone="warning" title={t('title')} data-testid="whatsapp-profile-size-warning">
      <p>{t('body', { size, limit })}</p>
    </Alert>
  )
}
