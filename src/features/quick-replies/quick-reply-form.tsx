'use client'

import { useMutation } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useId, useState } from 'react'
import { Alert } from '~/components/alert'
import { Button } from '~/components/button'
import { SpinnerIcon } from '~/components/icons'
import { Field, Input } from '~/components/input'
import { Select } from '~/components/select'
import { Textarea } from '~/components/textarea'
import { MESSAGE_MAX_LENGTH } from '~/shared/message-text'
import { NAME_PLACEHOLDER } from '~/shared/personalize'
import { QUICK_REPLY_LANGUAGES, QUICK_REPLY_SHORTCUT_MAX, type QuickReplyLanguage } from '~/shared/quick-replies'
import { useTRPC } from '~/trpc/react'
import { useLanguageName } from '../clients/client-languages'

export interface QuickReplyDraft {
  id?: string
  shortcut: string
  text: string
  language: QuickReplyLanguage | null
}

/**
 * Adds or edits one quick reply. A refused save (a taken shortcut, too many replies, a bad shortcut)
 * shows the server's localized reason and keeps everything typed.
 */
export function QuickReplyForm({ initial, onDone, onCancel }: { initial: QuickReplyDraft; onDone: () => void; onCancel: () => void }) {
  const t = useTranslations('quickReplies')
  const trpc = useTRPC()
  const languageName = useLanguageName()
  const id = useId()
  const [draft, setDraft] = useState(initial)
  const create = useMutation(trpc.quickReplies.create.mutationOptions({ onSuccess: onDone }))
  const update = useMutation(trpc.quickReplies.update.mutationOptions({ onSuccess: onDone }))
  const save = initial.id ? update : create
  const error = create.error ?? update.error

  const submit = () => {
    const fields = { shortcut: draft.shortcut, text: draft.text, language: draft.language }
    if (initial.id) update.mutate({ id: initial.id, ...fields })
    else create.mutate(fields)
  }

  return (
    <form
      className="space-y-3 rounded-lg border border-brand-200 bg-brand-50/40 p-3 sm:p-4"
      data-testid="quick-reply-form"
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
    >
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
        <Field label={t('shortcut')} htmlFor={`${id}-shortcut`}>
          <Input
            id={`${id}-shortcut`}
            data-testid="quick-reply-shortcut"
            value={draft.shortcut}
            maxLength={QUICK_REPLY_SHORTCUT_MAX + 1}
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            required
            leading={<span className="text-sm font-semibold">/</span>}
            placeholder={t('shortcutPlaceholder')}
            aria-describedby={`${id}-shortcut-hint`}
            onChange={(event) => setDraft({ ...draft, shortcut: event.target.value })}
          />
          <p id={`${id}-shortcut-hint`} className="text-xs text-slate-500">
            {t('shortcutHint', { max: QUICK_REPLY_SHORTCUT_MAX })}
          </p>
        </Field>
        <Field label={t('language')} htmlFor={`${id}-language`}>
          <Select
            id={`${id}-language`}
            data-testid="quick-reply-language"
            value={draft.language ?? ''}
            onChange={(event) => setDraft({ ...draft, language: (event.target.value || null) as QuickReplyLanguage | null })}
          >
            <option value="">{t('anyLanguage')}</option>
            {QUICK_REPLY_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t('text')} htmlFor={`${id}-text`}>
        <Textarea
          id={`${id}-text`}
          data-testid="quick-reply-text"
          rows={4}
          required
          value={draft.text}
          maxLength={MESSAGE_MAX_LENGTH}
          aria-describedby={`${id}-text-hint`}
          onChange={(event) => setDraft({ ...draft, text: event.target.value })}
        />
        <p id={`${id}-text-hint`} className="text-xs text-slate-500">
          {t('nameHint', { placeholder: NAME_PLACEHOLDER })}
        </p>
      </Field>
      {error && (
        <Alert tone="error" data-testid="quick-reply-error">
          {error.message}
        </Alert>
      )}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel} disabled={save.isPending}>
          {t('cancel')}
        </Button>
        <Button type="submit" data-testid="quick-reply-save" disabled={save.isPending || !draft.shortcut.trim() || !draft.text.trim()}>
          {save.isPending && <SpinnerIcon className="size-4" />}
          {t('save')}
        </Button>
      </div>
    </form>
  )
}
