import { useTranslations } from 'next-intl'
import { cx } from '~/components/class-names'
import { ProgressBar } from '~/components/progress-bar'
import type { ImportJob } from './import-types'

/** The progress bar and the job's counters, live while it runs and as the final tally after. */
export function ImportCounters({ job }: { job: ImportJob }) {
  const t = useTranslations('import.progress')
  const failed = job.status === 'FAILED' || job.errorsCount > 0
  const tiles: Array<[label: string, value: React.ReactNode, testId: string, alert?: boolean]> = [
    [t('chats'), t('chatsValue', { processed: job.chatsProcessed, total: job.chatsTotal }), 'import-chats'],
    [t('messages'), job.messagesProcessed, 'import-messages'],
    [job.dryRun ? t('wouldImport') : t('imported'), job.messagesImported, 'import-messages-imported'],
    [job.dryRun ? t('wouldCreate') : t('clientsCreated'), job.clientsCreated, 'import-clients-created'],
    [t('duplicates'), job.duplicatesSkipped, 'import-duplicates'],
    [t('errors'), job.errorsCount, 'import-errors', job.errorsCount > 0],
  ]
  return (
    <div className="space-y-4">
      <div className="space-y-1.5">
        <div className="flex items-baseline justify-between text-sm">
          <span className="font-medium text-slate-700">{t('label')}</span>
          <span className="font-semibold text-slate-900 tabular-nums" data-testid="import-percent">
            {job.percent}%
          </span>
        </div>
        <ProgressBar percent={job.percent} label={t('label')} tone={failed ? 'amber' : 'brand'} data-testid="import-progress" data-percent={job.percent} />
      </div>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        {tiles.map(([label, value, testId, alert]) => (
          <div key={testId} className={cx('rounded-lg px-3 py-2', alert ? 'bg-red-50' : 'bg-slate-50')}>
            <dt className={cx('text-xs', alert ? 'text-red-700' : 'text-slate-500')}>{label}</dt>
            <dd className={cx('text-lg font-semibold tabular-nums', alert ? 'text-red-800' : 'text-slate-900')} data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
