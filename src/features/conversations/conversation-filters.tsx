'use client'

import { useTranslations } from 'next-intl'
import { cx } from '~/components/class-names'
import { Select } from '~/components/select'
import { CONVERSATION_STATUSES, CONVERSATION_VIEWS, type ConversationView } from '~/shared/conversation-assignment'

export type ConversationStatusFilter = (typeof CONVERSATION_STATUSES)[number]

/** The list's quick filters: All, Mine, Unassigned, Waiting, and which status (open by default). */
export function ConversationFilters({
  view,
  status,
  onViewChange,
  onStatusChange,
}: {
  view: ConversationView
  status: ConversationStatusFilter
  onViewChange: (view: ConversationView) => void
  onStatusChange: (status: ConversationStatusFilter) => void
}) {
  const t = useTranslations('inbox')
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div role="tablist" aria-label={t('filtersLabel')} className="flex min-w-0 flex-1 gap-1 overflow-x-auto">
        {CONVERSATION_VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={view === v}
            data-testid={`filter-${v.toLowerCase()}`}
            onClick={() => onViewChange(v)}
            className={cx(
              'shrink-0 rounded-full px-3 py-1 text-xs font-medium transition-colors',
              view === v ? 'bg-brand-600 text-white' : 'bg-slate-100 text-slate-600 hover:bg-slate-200',
            )}
          >
            {t(`view.${v}`)}
          </button>
        ))}
      </div>
      <Select
        aria-label={t('statusLabel')}
        data-testid="filter-status"
        value={status}
        onChange={(event) => onStatusChange(event.target.value as ConversationStatusFilter)}
        className="w-28 shrink-0 text-xs"
      >
        {CONVERSATION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </Select>
    </div>
  )
}
