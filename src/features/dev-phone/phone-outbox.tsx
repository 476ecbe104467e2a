import { useTranslations } from 'next-intl'
import { Card, CardHeader } from '~/components/card'
import { formatPhone } from '~/components/phone-text'
import { useDateFormatter } from '~/components/use-date-formatter'
import { SentMedia } from './sent-media'
import type { OutboxEntry } from './use-phone-state'

/** What the business phone sent (newest first): to whom, what, when. */
export function PhoneOutbox({ outbox }: { outbox: OutboxEntry[] }) {
  const t = useTranslations('devPhone.outbox')
  const format = useDateFormatter()
  return (
    <Card>
      <CardHeader title={t('title')} actions={<span className="text-xs text-slate-500 tabular-nums">{outbox.length}</span>} />
      {outbox.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-slate-500 sm:px-5" data-testid="phone-outbox">
          {t('empty')}
        </p>
      ) : (
        <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto" data-testid="phone-outbox">
          {outbox.map((entry) => (
            <li key={entry.id} className="space-y-0.5 px-4 py-2.5 text-sm sm:px-5" data-testid="phone-outbox-entry">
              <div className="flex items-baseline justify-between gap-3 text-xs text-slate-500">
                <span dir="ltr" className="tabular-nums">
                  → {formatPhone(`+${entry.to.split('@')[0]}`) ?? entry.to}
                </span>
                <time className="tabular-nums">
                  {format.dateTime(new Date(entry.timestamp * 1000), { hour: '2-digit', minute: '2-digit', second: '2-digit' })}
                </time>
              </div>
              {entry.media && <SentMedia media={entry.media} />}
              {entry.body && <p className="break-words whitespace-pre-wrap text-slate-800">{entry.body}</p>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}
