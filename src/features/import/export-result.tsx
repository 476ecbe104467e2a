import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { Button, buttonClasses } from '~/components/button'
import { CheckCircleIcon } from '~/components/icons'
import type { ExportCommitResult } from './import-types'
import { StatGrid } from '~/components/stat-grid'

/** An imported export: how many messages were added and skipped, and the way to the conversation. */
export function ExportResult({ result, onAnother }: { result: ExportCommitResult; onAnother: () => void }) {
  const t = useTranslations('import.export.result')
  const counts: Array<[string, number, string]> = [
    [t('imported'), result.job.messagesImported, 'export-imported'],
    [t('duplicates'), result.job.duplicatesSkipped, 'export-duplicates'],
  ]
  return (
    <div className="space-y-4 rounded-xl border border-brand-200 bg-brand-50/60 p-4" data-testid="export-result" role="status">
      <p className="flex items-center gap-2 text-sm font-semibold text-brand-900">
        <CheckCircleIcon className="size-5 text-brand-600" />
        {t('title')}
      </p>
      <StatGrid stats={counts} tileClassName="bg-white" />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="ghost" onClick={onAnother} data-testid="export-another">
          {t('another')}
        </Button>
        <Link href={`/conversations/${result.conversationId}`} className={buttonClasses()} data-testid="export-conversation-link">
          {t('open')}
        </Link>
      </div>
    </div>
  )
}
