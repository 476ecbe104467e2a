import { useTranslations } from 'next-intl'
import { Badge } from '~/components/badge'
import { cx } from '~/components/class-names'
import { useDateFormatter } from '~/components/use-date-formatter'
import { useClientDisplayName } from '../clients/client-display-name'
import type { ExportPreview } from './import-types'
import { StatGrid } from '~/components/stat-grid'

/** What an export file holds: message and media counts, the period, who wrote how much. */
export function ExportSummary({ preview }: { preview: ExportPreview }) {
  const t = useTranslations('import.export')
  const format = useDateFormatter()
  const displayName = useClientDisplayName()
  const stats: Array<[string, React.ReactNode, string]> = [
    [t('messages'), preview.total, 'export-total'],
    [t('media'), preview.media, 'export-media'],
    [t('period'), format.dateTimeRange(preview.firstAt, preview.lastAt, { dateStyle: 'medium' }), 'export-period'],
  ]
  return (
    <section className="space-y-3" aria-label={t('summaryTitle')}>
      <StatGrid
        stats={stats}
        className="sm:grid-cols-[auto_auto_1fr]"
        tileClassName={(testId) => cx('bg-slate-50', testId === 'export-period' && 'col-span-2 sm:col-span-1')}
        valueClassName="text-base"
      />
      <div className="space-y-1.5">
        <h3 className="text-sm font-semibold text-slate-900">{t('authors')}</h3>
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="export-authors">
          {preview.authors.map((author) => (
            <li key={author.name} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm" data-testid="export-author">
              <span className="font-medium text-slate-900">{author.name}</span>
              {author.matchedClient && <Badge tone="sky">{t('matchesClient', { name: displayName(author.matchedClient) })}</Badge>}
              <span className="ml-auto text-slate-500 tabular-nums">{t('authorMessages', { count: author.messages })}</span>
            </li>
          ))}
        </ul>
        {preview.authorsTotal > preview.authors.length && (
          <p className="px-3 text-sm text-slate-500" data-testid="export-more-authors">
            {t('moreAuthors', { count: preview.authorsTotal - preview.authors.length })}
          </p>
        )}
      </div>
    </section>
  )
}

/** The first messages of the file as they will look: the business's on the right, the client's on the left. */
export function ExportSample({ preview, businessAuthor }: { preview: ExportPreview; businessAuthor: string | null | undefined }) {
  const t = useTranslations('import.export')
  const format = useDateFormatter()
  return (
    <section className="space-y-1.5">
      <h3 className="text-sm font-semibold text-slate-900">{t('sample')}</h3>
      <ol className="max-h-80 space-y-1.5 overflow-y-auto rounded-lg bg-chat-bg p-3" data-testid="export-sample">
        {preview.sample.map((message, index) => {
          const outgoing = businessAuthor != null && message.author === businessAuthor
          return (
            <li key={index} className={cx('flex', outgoing ? 'justify-end' : 'justify-start')} data-testid="export-sample-message">
              <div
                className={cx(
                  'max-w-[85%] rounded-lg px-2.5 py-1.5 text-sm shadow-[0_1px_0.5px_rgba(11,20,26,0.13)] sm:max-w-[75%]',
                  outgoing ? 'bg-bubble-out' : 'bg-white',
                )}
              >
                <p className={cx('text-xs font-semibold', outgoing ? 'text-brand-800' : 'text-sky-700')}>{message.author}</p>
                <p className="break-words whitespace-pre-wrap text-slate-900">{message.content}</p>
                <p className="mt-0.5 text-right text-[0.68rem] text-slate-500 tabular-nums">
                  {message.hasMedia && <span className="mr-1.5 uppercase">{t('mediaMark')}</span>}
                  {format.dateTime(message.timestamp, { dateStyle: 'short', timeStyle: 'short' })}
                </p>
              </div>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
