'use client'

import { useMutation } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useId, useRef, useState } from 'react'
import { Alert } from '~/components/alert'
import { Button, buttonClasses } from '~/components/button'
import { Card, CardHeader } from '~/components/card'
import { SpinnerIcon, UploadIcon } from '~/components/icons'
import { Field, Input } from '~/components/input'
import { useTRPC } from '~/trpc/react'
import { ExportReview } from './export-review'
import type { ExportUpload } from './import-types'
import { EXPORT_FILE_PATTERN, MAX_EXPORT_BYTES, UploadError, uploadExportFile } from './upload-export-file'

const DEFAULT_TIME_ZONE = 'Asia/Bishkek'
const timeZones = ['Asia/Bishkek', 'Asia/Almaty', 'Asia/Tashkent', 'Asia/Dushanbe', 'Europe/Moscow', 'Europe/Istanbul', 'Asia/Dubai', 'Asia/Seoul', 'UTC']

const bold = (chunks: React.ReactNode) => <strong className="font-semibold text-slate-700">{chunks}</strong>

/**
 * A WhatsApp "Export chat" file (.txt or .zip) into one client's conversation: choose the file, see
 * what is in it, say who the client is and which author is the business, import. Admins only.
 */
export function ExportUploadCard() {
  const t = useTranslations()
  const trpc = useTRPC()
  const ids = useId()
  const [file, setFile] = useState<File | null>(null)
  // The chosen file once it is on the server: previews with another time zone reuse it.
  const [uploaded, setUploaded] = useState<{ file: File; uploadId: string } | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [chosenName, setChosenName] = useState<string | null>(null)
  const [uploading, setUploading] = useState(false)
  const [timeZone, setTimeZone] = useState(DEFAULT_TIME_ZONE)
  // The upload the current preview was made from: the review imports exactly what was previewed.
  const [previewed, setPreviewed] = useState<ExportUpload | null>(null)
  const readToken = useRef(0)
  const fileInput = useRef<HTMLInputElement>(null)
  const preview = useMutation(trpc.import.previewExport.mutationOptions())

  const chooseFile = (chosen: File | undefined) => {
    // A new choice makes any upload still running for the previous one irrelevant.
    readToken.current += 1
    setUploading(false)
    preview.reset()
    setPreviewed(null)
    setFile(null)
    setFileError(null)
    setChosenName(chosen?.name ?? null)
    if (!chosen) return
    if (!EXPORT_FILE_PATTERN.test(chosen.name)) return setFileError(t('import.export.wrongType'))
    if (chosen.size > MAX_EXPORT_BYTES) return setFileError(t('import.export.tooLarge', { name: chosen.name }))
    if (chosen.size === 0) return setFileError(t('errors.exportEmpty'))
    setFile(chosen)
  }

  const runPreview = async () => {
    if (!file) return
    const token = readToken.current
    setPreviewed(null)
    setFileError(null)
    preview.reset()
    let uploadId = uploaded?.file === file ? uploaded.uploadId : null
    if (!uploadId) {
      setUploading(true)
      try {
        uploadId = await uploadExportFile(file)
        if (token === readToken.current) setUploaded({ file, uploadId })
      } catch (err) {
        if (token === readToken.current) setFileError(err instanceof UploadError && err.message ? err.message : t('import.export.readFailed'))
        return
      } finally {
        if (token === readToken.current) setUploading(false)
      }
    }
    if (token !== readToken.current) return
    const upload = { fileName: file.name, uploadId, timeZone: timeZone.trim() || DEFAULT_TIME_ZONE }
    preview.mutate(upload, { onSuccess: () => setPreviewed(upload) })
  }

  /** Back to an empty form, for the next file. */
  const startOver = () => {
    readToken.current += 1
    preview.reset()
    setPreviewed(null)
    setFile(null)
    setUploaded(null)
    setFileError(null)
    setUploading(false)
    setChosenName(null)
    if (fileInput.current) fileInput.current.value = ''
    fileInput.current?.focus()
  }

  const error = fileError ?? preview.error?.message ?? null

  return (
    <Card data-testid="export-upload">
      <CardHeader icon={<UploadIcon />} title={t('import.export.title')} subtitle={t('import.export.subtitle')} />

      <div className="space-y-5 p-4 sm:p-5">
        <p className="text-sm text-slate-600">{t.rich('import.export.howTo', { b: bold })}</p>
        <form
          className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_14rem_auto] sm:items-start"
          onSubmit={(event) => {
            event.preventDefault()
            void runPreview()
          }}
        >
          <div className="min-w-0 space-y-1.5">
            <p className="block text-sm font-medium text-slate-700">{t('import.export.file')}</p>
            {/* The native control says "Choose File" in the browser's language: a labelled button of ours instead. */}
            <div className="flex min-w-0 items-center gap-3">
              <input
                ref={fileInput}
                id={`${ids}-file`}
                type="file"
                accept=".txt,.zip,text/plain,application/zip"
                onChange={(event) => chooseFile(event.target.files?.[0])}
                data-testid="export-file"
                className="peer sr-only"
              />
              <label
                htmlFor={`${ids}-file`}
                className={buttonClasses({
                  variant: 'secondary',
                  className: 'cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-500',
                })}
              >
                <UploadIcon className="size-4" />
                {t('import.export.chooseFile')}
              </label>
              <span className="min-w-0 truncate text-sm text-slate-600" data-testid="export-file-name">
                {chosenName ?? t('import.export.noFile')}
              </span>
            </div>
            <p className="text-xs text-slate-500">{t('import.export.fileHint')}</p>
          </div>
          <Field label={t('import.export.timeZone')} htmlFor={`${ids}-tz`} className="min-w-0">
            <Input
              id={`${ids}-tz`}
              list={`${ids}-tz-list`}
              value={timeZone}
              onChange={(event) => setTimeZone(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              data-testid="export-time-zone"
            />
            <datalist id={`${ids}-tz-list`}>
              {timeZones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
            <p className="text-xs text-slate-500">{t('import.export.timeZoneHint')}</p>
          </Field>
          <Button type="submit" variant="secondary" disabled={!file || uploading || preview.isPending} data-testid="export-preview-button" className="sm:mt-7">
            {(uploading || preview.isPending) && <SpinnerIcon className="size-4" />}
            {t('import.export.preview')}
          </Button>
        </form>

        {error && (
          <Alert tone="error" data-testid="export-error">
            {error}
          </Alert>
        )}

        {preview.data && previewed && (
          <ExportReview
            key={`${previewed.fileName}:${previewed.timeZone}:${preview.submittedAt}`}
            upload={previewed}
            preview={preview.data}
            onDone={startOver}
          />
        )}
      </div>
    </Card>
  )
}
