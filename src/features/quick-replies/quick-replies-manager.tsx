'use client'

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { Alert } from '~/components/alert'
import { Badge } from '~/components/badge'
import { Button } from '~/components/button'
import { Card, CardHeader, CardNoteFooter } from '~/components/card'
import { ConfirmDialog } from '~/components/confirm-dialog'
import { EmptyState } from '~/components/empty-state'
import { QuickReplyIcon, SpinnerIcon } from '~/components/icons'
import { QueryErrorAlert } from '~/components/query-error-alert'
import { NAME_PLACEHOLDER } from '~/shared/personalize'
import { QUICK_REPLIES_MAX, quickReplyLanguageOf } from '~/shared/quick-replies'
import { useTRPC } from '~/trpc/react'
import { useLanguageName } from '../clients/client-languages'
import { QuickReplyForm, type QuickReplyDraft } from './quick-reply-form'

interface Row {
  id: string
  shortcut: string
  text: string
  language: string | null
}

const emptyDraft: QuickReplyDraft = { shortcut: '', text: '', language: null }

/**
 * The organization's quick replies in the settings: everyone sees them, admins add, edit and delete
 * (with a confirmation). Operators use them by typing `/` in the composer.
 */
export function QuickRepliesManager({ canManage }: { canManage: boolean }) {
  const t = useTranslations('quickReplies')
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const languageName = useLanguageName()
  const list = useQuery(trpc.quickReplies.list.queryOptions({}))
  const [editing, setEditing] = useState<QuickReplyDraft | null>(null)
  const [deleting, setDeleting] = useState<Row | null>(null)
  const refresh = () => queryClient.invalidateQueries(trpc.quickReplies.list.pathFilter())
  const remove = useMutation(
    trpc.quickReplies.delete.mutationOptions({
      onSuccess: () => {
        setDeleting(null)
        void refresh()
      },
    }),
  )

  const items = list.data?.items ?? []
  const full = items.length >= QUICK_REPLIES_MAX

  // The one form: a new reply's at the top, or in place of the reply being edited.
  const editingForm = editing && (
    <QuickReplyForm
      initial={editing}
      onCancel={() => setEditing(null)}
      onDone={() => {
        setEditing(null)
        void refresh()
      }}
    />
  )

  return (
    <Card data-testid="quick-replies">
      <CardHeader
        title={t('title')}
        subtitle={list.data ? t('count', { count: items.length, max: QUICK_REPLIES_MAX }) : undefined}
        icon={<QuickReplyIcon />}
        actions={
          canManage && (
            <Button size="sm" data-testid="quick-reply-add" disabled={editing !== null || full} onClick={() => setEditing(emptyDraft)}>
              {t('add')}
            </Button>
          )
        }
      />
      <div className="space-y-3 p-3 sm:p-5">
        {editing && !editing.id && editingForm}
        {list.isPending && (
          <div className="flex justify-center py-6 text-slate-500" aria-busy>
            <SpinnerIcon className="size-6" />
          </div>
        )}
        {list.error && <QueryErrorAlert error={list.error} onRetry={list.refetch} />}
        {list.data && items.length === 0 && !editing && (
          <EmptyState icon={<QuickReplyIcon />} title={t('emptyTitle')} description={canManage ? t('emptyAdmin') : t('emptyMember')} />
        )}
        {remove.error && (
          <Alert tone="error" data-testid="quick-reply-delete-error">
            {remove.error.message}
          </Alert>
        )}
        {items.length > 0 && (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="quick-reply-list">
            {items.map((item) =>
              editing?.id === item.id ? (
                <li key={item.id} className="p-2">
                  {editingForm}
                </li>
              ) : (
                <li key={item.id} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-start" data-testid="quick-reply-item" data-shortcut={item.shortcut}>
                  <div className="min-w-0 flex-1 space-y-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-mono text-sm font-semibold text-slate-900">/{item.shortcut}</span>
                      <Badge tone={item.language ? 'sky' : 'gray'}>{languageName(item.language) ?? t('anyLanguage')}</Badge>
                    </div>
                    <p className="line-clamp-3 text-sm break-words whitespace-pre-line text-slate-600">{item.text}</p>
                  </div>
                  {canManage && (
                    <div className="flex shrink-0 gap-2">
                      <Button
                        size="sm"
                        variant="secondary"
                        data-testid="quick-reply-edit"
                        disabled={editing !== null}
                        aria-label={t('editNamed', { shortcut: item.shortcut })}
                        onClick={() => setEditing({ id: item.id, shortcut: item.shortcut, text: item.text, language: quickReplyLanguageOf(item.language) })}
                      >
                        {t('edit')}
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        className="text-red-700 hover:bg-red-50 hover:text-red-800"
                        data-testid="quick-reply-delete"
                        aria-label={t('deleteNamed', { shortcut: item.shortcut })}
                        onClick={() => setDeleting(item)}
                      >
                        {t('delete')}
                      </Button>
                    </div>
                  )}
                </li>
              ),
            )}
          </ul>
        )}
      </div>
      <CardNoteFooter more={t('languageNote')}>{t('howToUse', { placeholder: NAME_PLACEHOLDER })}</CardNoteFooter>
      <ConfirmDialog
        open={deleting !== null}
        tone="danger"
        title={t('deleteTitle', { shortcut: deleting?.shortcut ?? '' })}
        confirmLabel={t('delete')}
        pending={remove.isPending}
        confirmTestId="quick-reply-delete-confirm"
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      >
        <p>{t('deleteBody')}</p>
      </ConfirmDialog>
    </Card>
  )
}
