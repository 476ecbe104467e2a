'use client'

import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { Badge } from '~/components/badge'
import { cx } from '~/components/class-names'
import { SpinnerIcon } from '~/components/icons'
import { useLanguageName } from '../clients/client-languages'
import type { QuickReplyPickerState } from './use-quick-reply-picker'

/**
 * The list of quick replies above the composer (role=listbox; the text field keeps the focus and points
 * at the active option with aria-activedescendant). Replies in another language than the client's are
 * labelled with it. Full width of the composer, so it fits a phone.
 */
export function QuickReplyPicker({ picker }: { picker: QuickReplyPickerState }) {
  const t = useTranslations('quickReplies')
  const languageName = useLanguageName()
  if (!picker.open) return null

  let status: React.ReactNode = null
  if (picker.isLoading) {
    status = (
      <span className="flex items-center gap-2">
        <SpinnerIcon className="size-4" />
        {t('loading')}
      </span>
    )
  } else if (picker.error) status = picker.error.message
  else if (picker.total === 0)
    status = (
      <>
        {t('pickerNone')}{' '}
        <Link href="/settings/quick-replies" className="font-medium text-brand-700 underline underline-offset-2">
          {t('pickerManage')}
        </Link>
      </>
    )
  else if (picker.items.length === 0) status = t('pickerNoMatch', { query: picker.query })

  return (
    <div
      className="absolute inset-x-0 bottom-full z-20 mb-1 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-lg"
      data-testid="quick-reply-picker"
    >
      <p className="flex items-center justify-between gap-2 border-b border-slate-100 px-3 py-1.5 text-xs text-slate-500">
        <span>{t('pickerTitle')}</span>
        <span className="hidden sm:inline">{t('pickerKeys')}</span>
      </p>
      {status ? (
        <p role="status" className="px-3 py-2 text-sm text-slate-600" data-testid="quick-reply-picker-status">
          {status}
        </p>
      ) : (
        <ul id={picker.listboxId} role="listbox" aria-label={t('pickerTitle')} className="max-h-64 overflow-y-auto py-1">
          {picker.items.map((item, index) => {
            const otherLanguage = item.language !== null && item.language !== picker.clientLanguage
            return (
              <li
                key={item.id}
                id={`${picker.listboxId}-${item.id}`}
                role="option"
                aria-selected={index === picker.activeIndex}
                data-testid="quick-reply-option"
                data-shortcut={item.shortcut}
                data-language={item.language ?? ''}
                className={cx('cursor-pointer px-3 py-2 text-sm', index === picker.activeIndex ? 'bg-brand-50' : 'hover:bg-slate-50')}
                // Keeps the focus in the text field; the click picks (mouse and touch alike).
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => picker.setActiveIndex(index)}
                onClick={() => picker.pick(index)}
              >
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-mono font-semibold text-slate-900">/{item.shortcut}</span>
                  {otherLanguage && <Badge tone="gray">{languageName(item.language)}</Badge>}
                </span>
                <span className="mt-0.5 line-clamp-2 block break-words text-slate-600">{item.personalized ?? item.text}</span>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
