'use client'

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useId, useState } from 'react'
import { Alert } from '~/components/alert'
import { Button } from '~/components/button'
import { SpinnerIcon } from '~/components/icons'
import { Select } from '~/components/select'
import { useTRPC } from '~/trpc/react'
import { ExportClientPicker, type ClientChoice } from './export-client-picker'
import { ExportResult } from './export-result'
import { ExportSample, ExportSummary } from './export-summary'
import type { ExportPreview, ExportUpload } from './import-types'

const NONE = '__none__'

/** With two authors of whom one is a known client, the other one is the business. */
function guessBusinessAuthor(preview: ExportPreview): string | undefined {
  if (preview.authors.length !== 2) return undefined
  const [a, b] = preview.authors
  if (a!.matchedClient && !b!.matchedClient) return b!.name
  if (b!.matchedClient && !a!.matchedClient) return a!.name
  return undefined
}

/** A previewed export: what is in it, who the client is, which author is the business, and Import. */
export function ExportReview({ upload, preview, onDone }: { upload: ExportUpload; preview: ExportPreview; onDone: () => void }) {
  const t = useTranslations('import.export')
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const ids = useId()
  const [client, setClient] = useState<ClientChoice>(() => ({
    mode: 'existing',
    existing: preview.suggestedClient,
    suggested: Boolean(preview.suggestedClient),
    newClient: { phone: '', name: '' },
  }))
  // undefined: not chosen yet; null: none of the authors is the business.
  const [businessAuthor, setBusinessAuthor] = useState<string | null | undefined>(() => guessBusinessAuthor(preview))
  const [missing, setMissing] = useState<'client' | 'business' | null>(null)
  const commit = useMutation(
    trpc.import.commitExport.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.conversations.pathFilter())
        void queryClient.invalidateQueries(trpc.clients.pathFilter())
      },
    }),
  )

  const submit = () => {
    const target =
      client.mode === 'existing'
        ? client.existing && { clientId: client.existing.id }
        : client.newClient.phone.trim() && {
            newClient: { phone: client.newClient.phone.trim(), ...(client.newClient.name.trim() ? { name: client.newClient.name.trim() } : {}) },
          }
    if (!target) return setMissing('client')
    if (businessAuthor === undefined) return setMissing('business')
    setMissing(null)
    commit.mutate({ ...upload, ...target, businessAuthor })
  }

  return (
    <div className="space-y-5 border-t border-slate-100 pt-5" data-testid="export-preview">
      <ExportSummary preview={preview} />
      <ExportSample preview={preview} businessAuthor={businessAuthor} />

      {commit.data ? (
        <ExportResult result={commit.data} onAnother={onDone} />
      ) : (
        <form
          className="space-y-5"
          onSubmit={(event) => {
            event.preventDefault()
            submit()
          }}
        >
          <div className="grid gap-5 lg:grid-cols-2">
            <ExportClientPicker
              value={client}
              onChange={(next) => {
                setMissing(null)
                setClient(next)
              }}
              disabled={commit.isPending}
            />
            <div className="min-w-0 space-y-1.5">
              <label htmlFor={`${ids}-business`} className="block text-sm font-semibold text-slate-900">
                {t('business.label')}
              </label>
              <Select
                id={`${ids}-business`}
                value={businessAuthor === undefined ? '' : businessAuthor === null ? NONE : businessAuthor}
                onChange={(event) => {
                  setMissing(null)
                  const value = event.target.value
                  setBusinessAuthor(value === '' ? undefined : value === NONE ? null : value)
                }}
                disabled={commit.isPending}
                data-testid="export-business-author"
              >
                <option value="">{t('business.choose')}</option>
                {preview.authors.map((author) => (
                  <option key={author.name} value={author.name}>
                    {author.name}
                  </option>
                ))}
                <option value={NONE}>{t('business.none')}</option>
              </Select>
              <p className="text-xs text-slate-500">{t('business.hint')}</p>
            </div>
          </div>

          {(missing || commit.error) && (
            <Alert tone="error" data-testid="export-error">
              {missing === 'client' ? t('needClient') : missing === 'business' ? t('needBusiness') : commit.error?.message}
            </Alert>
          )}

          <div className="flex justify-end">
            <Button type="submit" disabled={commit.isPending} data-testid="export-commit" className="w-full sm:w-auto">
              {commit.isPending && <SpinnerIcon className="size-4" />}
              {t('commit')}
            </Button>
          </div>
        </form>
      )}
    </div>
  )
}
