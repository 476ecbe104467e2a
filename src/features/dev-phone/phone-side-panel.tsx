'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { Button } from '~/components/button'
import { Card, CardHeader } from '~/components/card'
import { cx } from '~/components/class-names'
import { DoubleTickIcon } from '~/components/icons'
import { Field, Input } from '~/components/input'
import { formatPhone } from '~/components/phone-text'
import type { PhoneActions, PhoneState } from './use-phone-state'

type RecentMessage = PhoneState['recent'][number]

/**
 * What staff do on the business phone itself: reply to a customer there (the CRM must show it as a
 * reply from the phone), and delete for everyone or edit a recent message of a private chat (a
 * customer's or the phone's own).
 */
export function PhoneSidePanel({ recent, actions }: { recent: RecentMessage[]; actions: PhoneActions }) {
  const t = useTranslations('devPhone.phoneSide')
  const [to, setTo] = useState('+996 700 123 456')
  const [body, setBody] = useState('')

  const reply = () => {
    if (!to.trim() || !body.trim() || actions.replyFromPhone.isPending) return
    actions.replyFromPhone.mutate({ to: to.trim(), body: body.trim() }, { onSuccess: () => setBody('') })
  }

  return (
    <Card>
      <CardHeader title={t('title')} />
      <form
        className="grid gap-3 px-4 py-3 sm:grid-cols-[12rem_minmax(0,1fr)_auto] sm:items-end sm:px-5"
        onSubmit={(event) => {
          event.preventDefault()
          reply()
        }}
      >
        <Field label={t('replyTo')} htmlFor="phone-reply-to">
          <Input id="phone-reply-to" value={to} onChange={(e) => setTo(e.target.value)} inputMode="tel" data-testid="phone-reply-to" />
        </Field>
        <Field label={t('replyBody')} htmlFor="phone-reply-body">
          <Input
            id="phone-reply-body"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            placeholder={t('replyPlaceholder')}
            data-testid="phone-reply-body"
          />
        </Field>
        <Button type="submit" disabled={actions.replyFromPhone.isPending || !body.trim()} data-testid="phone-reply-send">
          {t('reply')}
        </Button>
      </form>
      <h3 className="border-t border-slate-100 px-4 pt-3 text-xs font-semibold tracking-wide text-slate-500 uppercase sm:px-5">{t('recent')}</h3>
      {recent.length === 0 ? (
        <p className="px-4 py-4 text-center text-sm text-slate-500 sm:px-5">{t('recentEmpty')}</p>
      ) : (
        <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto" data-testid="phone-recent">
          {recent.map((message) => (
            <RecentRow key={message.id} message={message} actions={actions} />
          ))}
        </ul>
      )}
    </Card>
  )
}

function RecentRow({ message, actions }: { message: RecentMessage; actions: PhoneActions }) {
  const t = useTranslations('devPhone.phoneSide')
  const [editing, setEditing] = useState<string | null>(null)
  const chat = formatPhone(`+${message.chatId.split('@')[0]}`) ?? message.chatId
  return (
    <li className="space-y-1.5 px-4 py-2.5 text-sm sm:px-5" data-testid="phone-recent-entry" data-message-id={message.id}>
      <div className="flex items-baseline justify-between gap-3 text-xs text-slate-500">
        <span dir="ltr" className="tabular-nums">
          {message.fromMe ? '→' : '←'} {chat}
        </span>
        <span className="flex items-center gap-1">
          {message.deleted ? t('deleted') : message.fromMe ? t('fromPhone') : t('fromCustomer')}
          {!message.fromMe && <SeenTicks seen={Boolean(message.seen)} />}
        </span>
      </div>
      <p className={cx('break-words whitespace-pre-wrap text-slate-800', message.deleted && 'text-slate-400 line-through')}>{message.body}</p>
      {editing !== null ? (
        <form
          className="flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault()
            if (!editing.trim()) return
            actions.editMessage.mutate({ messageId: message.id, body: editing.trim() }, { onSuccess: () => setEditing(null) })
          }}
        >
          <Input value={editing} onChange={(e) => setEditing(e.target.value)} aria-label={t('editBody')} data-testid="phone-recent-edit-body" />
          <Button type="submit" size="sm" disabled={actions.editMessage.isPending} data-testid="phone-recent-edit-save">
            {t('save')}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setEditing(null)}>
            {t('cancel')}
          </Button>
        </form>
      ) : (
        !message.deleted && (
          <div className="flex gap-2">
            <Button variant="secondary" size="sm" onClick={() => setEditing(message.body)} data-testid="phone-recent-edit">
              {t('edit')}
            </Button>
            <Button
              variant="secondary"
              size="sm"
              disabled={actions.deleteMessage.isPending}
              onClick={() => actions.deleteMessage.mutate({ messageId: message.id })}
              data-testid="phone-recent-delete"
            >
              {t('delete')}
            </Button>
          </div>
        )
      )}
    </li>
  )
}

/** What the customer's phone shows for their message: two grey ticks, blue once the business read the chat (read receipts). */
function SeenTicks({ seen }: { seen: boolean }) {
  const t = useTranslations('devPhone.phoneSide')
  return (
    <span
      data-testid="phone-recent-seen"
      data-seen={seen ? 'true' : 'false'}
      title={seen ? t('seen') : t('notSeen')}
      className={seen ? 'text-sky-500' : 'text-slate-400'}
    >
      <DoubleTickIcon className="size-4" />
      <span className="sr-only">{seen ? t('seen') : t('notSeen')}</span>
    </span>
  )
}
