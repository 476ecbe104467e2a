import { useTranslations } from 'next-intl'
import { DocumentIcon } from '~/components/icons'
import type { OutboxEntry } from './use-phone-state'

/** A photo or document the business sent, as the customer's phone shows it: the picture (when small enough to be kept), else its kind, name and size. */
export function SentMedia({ media }: { media: NonNullable<OutboxEntry['media']> }) {
  const t = useTranslations('devPhone.outbox')
  if (media.kind === 'image' && media.preview) {
    return <img src={media.preview} alt={t('photo')} className="max-h-48 max-w-full rounded-lg object-contain" data-testid="phone-sent-image" />
  }
  return (
    <p className="flex items-center gap-2 text-slate-700" data-testid="phone-sent-document">
      <DocumentIcon className="size-5 shrink-0 text-slate-500" />
      <span className="truncate font-medium">{media.fileName ?? (media.kind === 'image' ? t('photo') : t('document'))}</span>
      <span className="shrink-0 text-xs text-slate-500 tabular-nums">{Math.max(1, Math.round(media.size / 1024))} KB</span>
    </p>
  )
}
