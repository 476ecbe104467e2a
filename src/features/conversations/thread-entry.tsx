'use client'

import { useTranslations } from 'next-intl'
import { useDateFormatter } from '~/components/use-date-formatter'
import type { RouterOutputs } from '~/trpc/router-types'

export type ThreadEntry = RouterOutputs['conversations']['entries'][number]

const text = (data: unknown, key: string): string => {
  const value = data && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined
  return typeof value === 'string' ? value : ''
}

/**
 * A thread line that is no WhatsApp message: a private note (amber, marked "note: only the team sees
 * it") or a small centred system line (who assigned whom, resolved, reopened, snoozed).
 */
export function ThreadEntryLine({ entry }: { entry: ThreadEntry }) {
  const t = useTranslations('inbox')
  const format = useDateFormatter()
  const time = format.dateTime(entry.createdAt, { hour: '2-digit', minute: '2-digit' })
  const author = text(entry.data, 'authorName') || t('system')
  if (entry.kind === 'NOTE') {
    return (
      <div className="my-2 flex justify-center" data-testid="thread-note">
        <div className="w-full max-w-[32rem] rounded-lg border border-dashed border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 shadow-sm">
          <p className="mb-0.5 flex items-center justify-between gap-2 text-xs font-semibold text-amber-800">
            <span>{t('noteBy', { name: author })}</span>
            <span className="font-normal tabular-nums">{time}</span>
          </p>
          <p className="break-words whitespace-pre-wrap">{entry.content}</p>
        </div>
      </div>
    )
  }
  let line: string
  switch (entry.kind) {
    case 'ASSIGNED':
      line = text(entry.data, 'authorName')
        ? t('line.assigned', { author, name: text(entry.data, 'assigneeName') })
        : t('line.autoAssigned', { name: text(entry.data, 'assigneeName') })
      break
    case 'UNASSIGNED':
      line = t('line.unassigned', { author })
      break
    case 'RESOLVED':
      line = t('line.resolved', { author })
      break
    case 'SNOOZED':
      line = t('line.snoozed', { author, at: format.dateTime(new Date(text(entry.data, 'until')), { dateStyle: 'medium', timeStyle: 'short' }) })
      break
    default:
      line =
        text(entry.data, 'reason') === 'customerMessage'
          ? t('line.reopenedByCustomer')
          : text(entry.data, 'reason') === 'snoozeEnded'
            ? t('line.reopenedBySnooze')
            : t('line.reopened', { author })
  }
  return (
    <div className="my-1.5 flex justify-center" data-testid="thread-system-line" data-kind={entry.kind}>
      <span className="rounded-md bg-white/80 px-2 py-0.5 text-center text-xs text-slate-500 shadow-sm">
        {line} · <span className="tabular-nums">{time}</span>
      </span>
    </div>
  )
}
