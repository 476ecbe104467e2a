'use client'

import { useMutation } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useRef, useState } from 'react'
import { cx } from '~/components/class-names'
import { SpinnerIcon } from '~/components/icons'
import { fieldClasses } from '~/components/input'
import { NOTE_MAX_LENGTH } from '~/shared/conversation-assignment'
import { useTRPC } from '~/trpc/react'
import { useConversationMembers } from './use-conversation-members'
import { useAddThreadEntry } from './use-thread-entries'

/** The `@name` being typed just before the caret, if any. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|\s)@([\p{L}\p{N}_.-]*(?: [\p{L}\p{N}_.-]*)?)$/u.exec(text.slice(0, caret))
  if (!match) return null
  return { start: caret - match[1]!.length - 1, query: match[1]!.toLocaleLowerCase() }
}

/**
 * Writes a private note: only the team sees it, it is never sent to WhatsApp. Typing `@` offers the
 * organization's members; a named member is notified.
 */
export function NoteComposer({ conversationId }: { conversationId: string }) {
  const t = useTranslations('inbox')
  const trpc = useTRPC()
  const members = useConversationMembers()
  const addEntry = useAddThreadEntry(conversationId)
  const [text, setText] = useState('')
  const [caret, setCaret] = useState(0)
  const input = useRef<HTMLTextAreaElement>(null)
  const addNote = useMutation(trpc.conversations.addNote.mutationOptions())

  const query = mentionQuery(text, caret)
  const suggestions = query ? (members.data ?? []).filter((m) => m.name.toLocaleLowerCase().includes(query.query)).slice(0, 6) : []

  const pick = (name: string) => {
    if (!query) return
    const next = `${text.slice(0, query.start)}@${name} ${text.slice(caret)}`
    const position = query.start + name.length + 2
    setText(next)
    setCaret(position)
    requestAnimationFrame(() => {
      input.current?.focus()
      input.current?.setSelectionRange(position, position)
    })
  }

  const submit = () => {
    const content = text.trim()
    if (!content || addNote.isPending) return
    addNote.mutate(
      { conversationId, content },
      {
        onSuccess: (result) => {
          addEntry(result.entry)
          setText('')
          setCaret(0)
        },
      },
    )
  }

  return (
    <div className="relative space-y-1">
      {addNote.error && (
        <p role="alert" className="px-1 text-xs text-red-700" data-testid="note-error">
          {addNote.error.message}
        </p>
      )}
      {suggestions.length > 0 && (
        <ul
          role="listbox"
          aria-label={t('mentionPicker')}
          className="absolute bottom-full left-0 z-20 mb-1 w-64 max-w-full rounded-lg border border-slate-200 bg-white py-1 shadow-lg"
          data-testid="mention-picker"
        >
          {suggestions.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                role="option"
                aria-selected={false}
                onMouseDown={(event) => {
                  event.preventDefault()
                  pick(m.name)
                }}
                className="flex w-full items-center justify-between gap-2 px-3 py-1.5 text-left text-sm hover:bg-slate-100"
              >
                <span className="truncate">{m.name}</span>
                {m.online && <span className="size-2 shrink-0 rounded-full bg-brand-500" aria-label={t('online')} />}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault()
          submit()
        }}
      >
        <label htmlFor={`note-${conversationId}`} className="sr-only">
          {t('noteLabel')}
        </label>
        <textarea
          ref={input}
          id={`note-${conversationId}`}
          data-testid="note-input"
          rows={1}
          value={text}
          maxLength={NOTE_MAX_LENGTH}
          placeholder={t('notePlaceholder')}
          onChange={(event) => {
            setText(event.target.value)
            setCaret(event.target.selectionStart)
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault()
              if (suggestions.length > 0 && suggestions[0]) pick(suggestions[0].name)
              else submit()
            }
          }}
          className={cx(fieldClasses, 'field-sizing-content max-h-40 min-h-10 resize-none rounded-2xl border-amber-300 bg-amber-50 py-2 leading-snug')}
        />
        <button
          type="submit"
          data-testid="note-send"
          disabled={!text.trim() || addNote.isPending}
          className="flex h-10 shrink-0 items-center justify-center rounded-full bg-amber-500 px-4 text-sm font-medium text-white shadow-sm hover:bg-amber-600 disabled:bg-slate-300"
        >
          {addNote.isPending ? <SpinnerIcon className="size-5" /> : t('addNote')}
        </button>
      </form>
    </div>
  )
}
