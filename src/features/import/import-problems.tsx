import { useTranslations } from 'next-intl'
import { Alert } from '~/components/alert'
import { InfoIcon } from '~/components/icons'
import type { ImportErrorEntry, ImportNote } from './import-types'

/** Error codes a history import reports, each explained in messages/*.json under import.errors. */
const knownErrors = new Set([
  'QR_EXPIRED',
  'CANCELLED',
  'AUTH_FAILED',
  'WHATSAPP_UNREACHABLE',
  'BROWSER_LAUNCH_FAILED',
  'TIMEOUT',
  'HISTORY_UNSUPPORTED',
  'INTERRUPTED',
  'CHAT_FAILED',
  'IMPORT_RUNNING_ELSEWHERE',
  'UNKNOWN',
])
const knownNotes = new Set(['GROUPS_SKIPPED', 'LLM_NOT_CONFIGURED', 'OLDER_MESSAGES_UNREACHABLE', 'CONTACT_NOT_IMPORTED', 'FEWER_MESSAGES_LOADED'])

/** What went wrong, one explanation per error; the engine's technical detail (English) is tucked away. */
export function ImportErrorList({ errors }: { errors: ImportErrorEntry[] }) {
  const t = useTranslations('import')
  if (!errors.length) return null
  return (
    <section className="space-y-2" aria-label={t('outcome.errorsTitle')}>
      <h3 className="text-sm font-semibold text-slate-900">{t('outcome.errorsTitle')}</h3>
      <ul className="space-y-2">
        {errors.map((error, index) => {
          const code = knownErrors.has(error.code) ? error.code : 'UNKNOWN'
          const chat = error.chat ?? '—'
          return (
            <li key={index}>
              <Alert tone="error" title={t(`errors.${code}.title`, { chat })} data-testid="import-error" data-code={error.code}>
                <p>{t(`errors.${code}.body`, { chat })}</p>
                {error.message && (
                  <details className="mt-1 text-xs opacity-80">
                    <summary className="cursor-pointer select-none">{t('outcome.technicalDetails')}</summary>
                    <p className="mt-1 font-mono break-all">{error.message}</p>
                  </details>
                )}
              </Alert>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/** The import's notes in plain words ("2 group chats skipped: …"); unknown codes are left out. */
export function ImportNoteList({ notes }: { notes: ImportNote[] }) {
  const t = useTranslations('import')
  const shown = notes.filter((note) => knownNotes.has(note.code))
  if (!shown.length) return null
  return (
    <section className="space-y-2" aria-label={t('outcome.notesTitle')}>
      <h3 className="text-sm font-semibold text-slate-900">{t('outcome.notesTitle')}</h3>
      <ul className="space-y-1.5 rounded-lg border border-slate-200 bg-slate-50/70 px-3 py-2.5 text-sm text-slate-700">
        {shown.map((note, index) => (
          <li key={index} className="flex gap-2" data-testid="import-note" data-code={note.code}>
            <InfoIcon className="mt-0.5 size-4 shrink-0 text-slate-400" />
            <span>{t(`notes.${note.code}`, { count: note.count ?? 0, chat: note.chat ?? '—' })}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
