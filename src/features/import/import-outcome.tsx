import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { Alert, type AlertTone } from '~/components/alert'
import { useDateFormatter } from '~/components/use-date-formatter'
import { ImportCounters } from './import-counters'
import { ImportPreviewTable } from './import-preview-table'
import { ImportErrorList, ImportNoteList } from './import-problems'
import { importErrors, importNotes, importPreviewRows, type ImportJob } from './import-types'

const linkClass = 'font-medium underline underline-offset-2'

/** A finished import in plain words: how it ended, the tally, what went wrong, notes, and a dry run's preview. */
export function ImportOutcome({ job }: { job: ImportJob }) {
  const t = useTranslations('import.outcome')
  const format = useDateFormatter()
  const errors = importErrors(job)
  const kind = job.status === 'COMPLETED' ? 'completed' : job.status === 'CANCELLED' ? 'cancelled' : 'failed'
  const key = job.dryRun && kind !== 'failed' ? (`${kind}DryRun` as const) : kind
  const tone: AlertTone = kind === 'completed' ? 'success' : kind === 'cancelled' ? 'info' : 'error'
  // A failure before anything was read (QR expired, cancelled while waiting) has no tally worth showing.
  const reachedChats = job.startedAt !== null || job.chatsTotal > 0
  // A single error that is the whole story is explained by the error list alone.
  const cancelledBeforeScan = kind === 'cancelled' && !reachedChats

  return (
    <div className="space-y-4" data-testid="import-outcome" data-outcome={kind}>
      <Alert tone={tone} title={t(`${key}.title`)}>
        <p>
          {key === 'completed'
            ? t.rich('completed.body', {
                clients: (chunks) => (
                  <Link href="/clients" className={linkClass}>
                    {chunks}
                  </Link>
                ),
                conversations: (chunks) => (
                  <Link href="/conversations" className={linkClass}>
                    {chunks}
                  </Link>
                ),
              })
            : t(`${key}.body`)}
        </p>
        {job.finishedAt && (
          <p className="text-xs opacity-80">{t('finishedAt', { date: format.dateTime(job.finishedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
        )}
      </Alert>
      {reachedChats && <ImportCounters job={job} />}
      {!cancelledBeforeScan && <ImportErrorList errors={errors} />}
      <ImportNoteList notes={importNotes(job)} />
      {job.dryRun && job.status === 'COMPLETED' && <ImportPreviewTable rows={importPreviewRows(job)} />}
    </div>
  )
}
