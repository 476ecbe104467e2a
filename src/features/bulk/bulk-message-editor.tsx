'use client'

import { useTranslations } from 'next-intl'
import { useRef } from 'react'
import { Button } from '~/components/button'
import { Textarea } from '~/components/textarea'
import { useClientDisplayName } from '../clients/client-display-name'
import type { Recipient } from './bulk-types'
import { NAME_PLACEHOLDER, personalize } from '~/shared/personalize'

const PREVIEW_COUNT = 3

/** The message with a {name} button, and how it reads for the first few recipients. */
export function BulkMessageEditor({ text, onChange, recipients }: { text: string; onChange: (text: string) => void; recipients: Recipient[] }) {
  const t = useTranslations('bulk')
  const displayName = useClientDisplayName()
  const field = useRef<HTMLTextAreaElement>(null)

  const insertName = () => {
    const el = field.current
    const start = el?.selectionStart ?? text.length
    const end = el?.selectionEnd ?? text.length
    onChange(text.slice(0, start) + NAME_PLACEHOLDER + text.slice(end))
    requestAnimationFrame(() => {
      el?.focus()
      el?.setSelectionRange(start + NAME_PLACEHOLDER.length, start + NAME_PLACEHOLDER.length)
    })
  }

  const preview = recipients.slice(0, PREVIEW_COUNT)

  return (
    <div className="space-y-4">
      <div className="space-y-1.5">
        <div className="flex items-end justify-between gap-2">
          <label htmlFor="bulk-message" className="text-sm font-medium text-slate-700">
            {t('message')}
          </label>
          <Button variant="secondary" size="sm" onClick={insertName} data-testid="bulk-insert-name">
            {t('insertName')}
          </Button>
        </div>
        <Textarea
          ref={field}
          id="bulk-message"
          rows={5}
          maxLength={4000}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          placeholder={t('messagePlaceholder')}
          data-testid="bulk-message"
        />
        <p className="flex justify-between gap-3 text-xs text-slate-500">
          <span>{t('nameHint')}</span>
          <span className="tabular-nums">{text.length}/4000</span>
        </p>
      </div>

      <div className="space-y-2" data-testid="bulk-preview">
        <p className="text-sm font-medium text-slate-700">{t('preview')}</p>
        {preview.length === 0 || !text.trim() ? (
          <p className="rounded-lg bg-slate-50 px-3 py-4 text-center text-sm text-slate-500">{t('previewEmpty')}</p>
        ) : (
          <div className="space-y-2 rounded-xl bg-chat-bg p-3">
            {preview.map((recipient) => (
              <div key={recipient.id} className="space-y-0.5" data-testid="bulk-preview-item">
                <p className="text-xs font-medium text-slate-600">{displayName(recipient)}</p>
                <div className="ml-auto w-fit max-w-[90%] rounded-lg rounded-tr-none bg-bubble-out px-2.5 py-1.5 text-sm whitespace-pre-wrap break-words text-slate-900 shadow-[0_1px_0.5px_rgba(11,20,26,0.13)]">
                  {personalize(text, recipient.name) || <span className="text-red-600 italic">{t('emptyForRecipient')}</span>}
                </div>
              </div>
            ))}
            {recipients.length > PREVIEW_COUNT && (
              <p className="text-center text-xs text-slate-500">{t('previewMore', { count: recipients.length - PREVIEW_COUNT })}</p>
            )}
          </div>
        )}
      </div>
    </div>
  )
}
