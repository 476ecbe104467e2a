'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { cx } from '~/components/class-names'
import { MessageComposer } from './message-composer'
import { NoteComposer } from './note-composer'

/** The thread's footer: a reply to the customer, or a private note for the team (`autoFocus`: a chat just started). */
export function ThreadComposer({ conversationId, autoFocus = false }: { conversationId: string; autoFocus?: boolean }) {
  const t = useTranslations('inbox')
  const [mode, setMode] = useState<'reply' | 'note'>('reply')
  return (
    <div className="space-y-1.5">
      <div role="tablist" aria-label={t('composerMode')} className="flex gap-1">
        {(['reply', 'note'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={mode === m}
            data-testid={`composer-mode-${m}`}
            onClick={() => setMode(m)}
            className={cx(
              'rounded-md px-2.5 py-0.5 text-xs font-medium',
              mode === m ? (m === 'note' ? 'bg-amber-100 text-amber-900' : 'bg-brand-100 text-brand-800') : 'text-slate-500 hover:bg-slate-100',
            )}
          >
            {t(m === 'reply' ? 'modeReply' : 'modeNote')}
          </button>
        ))}
      </div>
      {mode === 'reply' ? <MessageComposer conversationId={conversationId} autoFocus={autoFocus} /> : <NoteComposer conversationId={conversationId} />}
    </div>
  )
}
