import { useTranslations } from 'next-intl'
import { Card, CardHeader } from '~/components/card'
import { useDateFormatter } from '~/components/use-date-formatter'
import type { ClientDetails } from './client-types'

type ClientEvent = ClientDetails['events'][number]

/** Reads a string field of an event's data (stored as JSON); anything else is null. */
function field(event: ClientEvent, key: string): string | null {
  const data = event.data
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null
  const value = (data as Record<string, unknown>)[key]
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null
}

/**
 * What happened to the client record itself: two records of one customer merged (a hidden number
 * that turned out to be a known client), or a number or hidden-number id learned from WhatsApp.
 */
export function ClientHistory({ client }: { client: ClientDetails }) {
  const t = useTranslations('clients.lid')
  const tOptOut = useTranslations('clients.optOut')
  const format = useDateFormatter()
  if (!client.events.length && !client.lid) return null
  const describe = (event: ClientEvent) => {
    if (event.type === 'MERGED') {
      return t('merged', { who: field(event, 'mergedPhone') ?? field(event, 'mergedLid') ?? '—', count: Number(field(event, 'movedMessages') ?? 0) })
    }
    if (event.type === 'OPTED_OUT') return tOptOut('event', { phrase: field(event, 'phrase') ?? '—' })
    if (event.type === 'OPT_OUT_CLEARED') return tOptOut('clearedEvent')
    if (event.type === 'IDENTITY_LINKED') return field(event, 'phone') ? t('phoneLearned', { phone: field(event, 'phone')! }) : t('lidLearned')
    return event.type
  }
  return (
    <Card data-testid="client-history">
      <CardHeader title={t('historyTitle')} />
      <ul className="space-y-2 px-5 py-3 text-sm text-slate-700">
        {client.lid && (
          <li className="text-slate-500" data-testid="client-lid">
            {t('hiddenId', { lid: client.lid })}
          </li>
        )}
        {client.events.map((event) => (
          <li key={event.id} data-testid={`client-event-${event.type.toLowerCase()}`}>
            <span className="block text-xs text-slate-500 tabular-nums">{format.dateTime(event.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</span>
            {describe(event)}
          </li>
        ))}
      </ul>
    </Card>
  )
}
