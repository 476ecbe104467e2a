'use client'

import { useMutation } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { ActionErrorAlert, Alert } from '~/components/alert'
import { Badge } from '~/components/badge'
import { Button } from '~/components/button'
import { Card, CardHeader, CardNoteFooter } from '~/components/card'
import { RefreshIcon, SpinnerIcon } from '~/components/icons'
import { linkChunks } from '~/components/text-link'
import { useDateFormatter } from '~/components/use-date-formatter'
import { LoadingLine } from '~/components/loading-line'
import { useTRPC } from '~/trpc/react'
import { ImportCounters } from './import-counters'
import { ImportNoteList } from './import-problems'
import { ImportOptionsForm } from './import-options-form'
import { ImportOutcome } from './import-outcome'
import { ImportQrPanel } from './import-qr-panel'
import { ImportStatusBadge } from './import-status-badge'
import { defaultImportOptions, importNotes, isActiveImport, type ImportJob } from './import-types'
import { useImportProgress } from './use-import-progress'

/**
 * History import over a separate WhatsApp session, driven only by the live progress subscription:
 * options and Start, the import's own QR, live counters and Cancel, then the result in plain words
 * (the last one is shown again when the page is reopened). Admins start and cancel; members watch.
 */
export function HistoryImportCard({ canManage }: { canManage: boolean }) {
  const t = useTranslations('import')
  const tc = useTranslations('common')
  const trpc = useTRPC()
  const format = useDateFormatter()
  const { job, accept, error: linkError, retry } = useImportProgress()
  const [options, setOptions] = useState(defaultImportOptions)
  const start = useMutation(trpc.import.start.mutationOptions({ onSuccess: accept }))
  const cancel = useMutation(trpc.import.cancel.mutationOptions({ onSuccess: accept }))
  const actionError = start.error ?? cancel.error
  const active = job ? isActiveImport(job.status) : false

  const startImport = () => {
    cancel.reset()
    start.mutate(options)
  }

  return (
    <Card data-testid="history-import" data-job-id={job?.id}>
      <CardHeader
        icon={<RefreshIcon />}
        title={t('history.title')}
        subtitle={
          job && !active
            ? t('history.lastImport', { date: format.dateTime(job.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) })
            : t('history.subtitle')
        }
        actions={
          job && (
            <>
              {job.dryRun && (
                <Badge tone="violet" data-testid="import-dry-run-badge">
                  {t('history.dryRunBadge')}
                </Badge>
              )}
              <ImportStatusBadge status={job.status} />
            </>
          )
        }
      />

      <div className="space-y-5 p-4 sm:p-5">
        {job === undefined && linkError ? (
          <Alert
            tone="error"
            data-testid="import-link-error"
            action={
              <Button variant="secondary" size="sm" onClick={retry}>
                {tc('retry')}
              </Button>
            }
          >
            {linkError.message}
          </Alert>
        ) : job === undefined ? (
          <LoadingLine className="py-6">{t('history.checking')}</LoadingLine>
        ) : job && active ? (
          <ActiveImport
            job={job}
            canManage={canManage}
            onCancel={() => cancel.mutate({ jobId: job.id })}
            cancelling={cancel.isPending || job.cancelRequested}
          />
        ) : (
          <>
            {job && <ImportOutcome job={job} />}
            {canManage ? (
              <div className={job ? 'space-y-4 border-t border-slate-100 pt-5' : undefined}>
                {job && <p className="text-sm font-semibold text-brand-700">{t('history.newImport')}</p>}
                <ImportOptionsForm values={options} onChange={setOptions} onStart={startImport} pending={start.isPending} />
              </div>
            ) : (
              <p className="text-sm text-slate-500" data-testid="import-ask-admin">
                {t('history.askAdmin')}
              </p>
            )}
          </>
        )}
        <ActionErrorAlert error={actionError} testId="import-action-error" />
      </div>

      <CardNoteFooter>
        {t('history.sessionNote')} {t.rich('history.liveLink', { link: linkChunks('/settings/whatsapp') })}
      </CardNoteFooter>
    </Card>
  )
}

function ActiveImport({ job, canManage, onCancel, cancelling }: { job: ImportJob; canManage: boolean; onCancel: () => void; cancelling: boolean }) {
  const t = useTranslations('import.history')
  let body: React.ReactNode
  if (job.status === 'WAITING_FOR_SCAN' && job.qrCode) {
    body = <ImportQrPanel qr={job.qrCode} />
  } else if (job.status === 'WAITING_FOR_SCAN' && !canManage) {
    body = (
      <p className="text-sm text-slate-600" data-testid="import-admin-must-scan">
        {t('adminMustScan')}
      </p>
    )
  } else if (job.status === 'RUNNING') {
    body = (
      <div className="space-y-4">
        <p className="flex items-center gap-2 text-sm text-slate-600">
          <SpinnerIcon className="size-4 shrink-0" />
          {job.dryRun ? t('runningDryRun') : t('running')}
        </p>
        <ImportCounters job={job} />
        <ImportNoteList notes={importNotes(job)} />
      </div>
    )
  } else {
    body = <LoadingLine className="py-4">{t('starting')}</LoadingLine>
  }
  return (
    <div className="space-y-4">
      {body}
      {canManage ? (
        <div className="flex justify-end border-t border-slate-100 pt-4">
          <Button variant="secondary" onClick={onCancel} disabled={cancelling} data-testid="import-cancel" className="w-full sm:w-auto">
            {cancelling && <SpinnerIcon className="size-4" />}
            {cancelling ? t('cancelling') : t('cancel')}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-slate-500" data-testid="import-ask-admin">
          {t('askAdmin')}
        </p>
      )}
    </div>
  )
}
