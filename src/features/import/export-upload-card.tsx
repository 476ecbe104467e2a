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
import { EXPORT_FILE_PATTERN, MAX_EXPORT_BYTES, readFileAsBase64 } from './read-file-base64'

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
  const [file, setFile] = useState<{ name: string; contentBase64: string } | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [chosenName, setChosenName] = useState<string | null>(null)
  const [reading, setReading] = useState(false)
  const [timeZone, setTimeZone] = useState(DEFAULT_TIME_ZONE)
  // The upload the current preview was made from: the review imports exactly what was previewed.
  const [previewed, setPreviewed] = useState<ExportUpload | null>(null)
  const readToken = useRef(0)
  const fileInput = useRef<HTMLInputElement>(null)
  const preview = useMutation(trpc.import.previewExport.mutationOptions())

  const chooseFile = async (chosen: File | undefined) => {
    const token = ++readToken.current
    preview.reset()
    setPreviewed(null)
    setFile(null)
    setFileError(null)
    setChosenName(chosen?.name ?? null)
    if (!chosen) return
    if (!EXPORT_FILE_PATTERN.test(chosen.name)) return setFileError(t('import.export.wrongType'))
    if (chosen.size > MAX_EXPORT_BYTES) return setFileError(t('import.export.tooLarge', { name: chosen.name }))
    if (chosen.size === 0) return setFileError(t('errors.exportEmpty'))
    setReading(true)
    try {
      const contentBase64 = await readFileAsBase64(chosen)
      if (token === readToken.current) setFile({ name: chosen.name, contentBase64 })
    } catch {
      if (token === readToken.current) setFileError(t('import.export.readFailed'))
    } finally {
      if (token === readToken.current) setReading(false)
    }
  }

  const runPreview = () => {
    if (!file) return
    const upload = { fileName: file.name, contentBase64: file.contentBase64, timeZone: timeZone.trim() || DEFAULT_TIME_ZONE }
    setPreviewed(null)
    preview.mutate(upload, { onSuccess: () => setPreviewed(upload) })
  }

  /** Back to an empty form, for the next file. */
  const startOver = () => {
    readToken.current += 1
    preview.reset()
    setPreviewed(null)
    setFile(null)
    setFileError(null)
    setReading(false)
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
            runPreview()
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
                onChange={(event) => void chooseFile(event.target.files?.[0])}
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
          <Button type="submit" variant="secondary" disabled={!file || reading || preview.isPending} data-testid="export-preview-button" className="sm:mt-7">
            {(reading || preview.isPending) && <SpinnerIcon className="size-4" />}
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
