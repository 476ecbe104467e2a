'use client'

import { useTranslations } from 'next-intl'
import { CloseIcon, DocumentIcon, SpinnerIcon } from '~/components/icons'
import type { Attachment } from './use-composer-attachment'

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/** The file waiting to be sent: a thumbnail or a document icon, its name and size, a remove button. */
export function ComposerAttachment({ attachment, onRemove }: { attachment: Attachment; onRemove: () => void }) {
  const t = useTranslations('composer.attach')
  return (
    <div
      className="flex items-center gap-3 rounded-xl border border-slate-200 bg-slate-50 px-3 py-2 text-sm"
      data-testid="composer-attachment"
      data-state={attachment.state}
    >
      {attachment.preview ? (
        /* A local blob: preview of the chosen file. */
        <img src={attachment.preview} alt="" className="size-10 shrink-0 rounded-lg object-cover" />
      ) : (
        <DocumentIcon className="size-8 shrink-0 text-slate-500" />
      )}
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium text-slate-800" data-testid="composer-attachment-name">
          {attachment.state === 'ready' ? attachment.fileName : attachment.name}
        </p>
        <p className="text-xs text-slate-500 tabular-nums">
          {attachment.state === 'uploading' ? t('uploading') : `${formatSize(attachment.size)} · ${attachment.kind === 'IMAGE' ? t('photo') : t('document')}`}
        </p>
      </div>
      {attachment.state === 'uploading' && <SpinnerIcon className="size-4 text-slate-500" />}
      <button
        type="button"
        onClick={onRemove}
        aria-label={t('remove')}
        title={t('remove')}
        data-testid="composer-attachment-remove"
        className="rounded-full p-1 text-slate-500 hover:bg-slate-200 hover:text-slate-700"
      >
        <CloseIcon className="size-4" />
      </button>
    </div>
  )
}
