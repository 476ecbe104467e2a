'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { Avatar } from '~/components/avatar'
import { cx } from '~/components/class-names'
import { SendIcon } from '~/components/icons'
import { Field, fieldClasses, Input } from '~/components/input'
import { formatPhone } from '~/components/phone-text'
import { Select } from '~/components/select'
import { Switch } from '~/components/switch'
import { useDateFormatter } from '~/components/use-date-formatter'
import { SentMedia } from './sent-media'
import { phoneDigits, type OutboxEntry, type PhoneActions } from './use-phone-state'

const messageTypes = ['text', 'image', 'video', 'audio', 'voice', 'document', 'sticker', 'location', 'contact'] as const
type MessageType = (typeof messageTypes)[number]
/** Types that carry a file (the simulator sends a real small one); the others are text or data. */
const fileTypes: ReadonlySet<MessageType> = new Set(['image', 'video', 'audio', 'voice', 'document', 'sticker'])
const downloads = ['ok', 'expired', 'error', 'too-large'] as const
type Download = (typeof downloads)[number]

interface SentByCustomer {
  key: string
  from: string
  body: string
  type: MessageType
  group: boolean
  status: boolean
  hidden: boolean
  /** The chat it came from: `<digits>@c.us`, or the customer's LID chat when the number was hidden. */
  chatId: string
  at: Date
}

/**
 * A customer's phone: write to the business as any number, in any message type, in a group or as a
 * status (the CRM must ignore those two). The chat shows what this customer sent here and what the
 * business answered them (from the outbox).
 */
export function CustomerSimulator({ outbox, actions }: { outbox: OutboxEntry[]; actions: PhoneActions }) {
  const t = useTranslations('devPhone.customer')
  const format = useDateFormatter()
  const [from, setFrom] = useState('+996 700 123 456')
  const [name, setName] = useState('')
  const [body, setBody] = useState('')
  const [type, setType] = useState<MessageType>('text')
  const [download, setDownload] = useState<Download>('ok')
  const [group, setGroup] = useState(false)
  const [asStatus, setAsStatus] = useState(false)
  const [hidden, setHidden] = useState(false)
  const [revealedFor, setRevealedFor] = useState<string | null>(null)
  const tLid = useTranslations('devPhone.lid')
  const [sent, setSent] = useState<SentByCustomer[]>([])

  const digits = phoneDigits(from)
  const mine = sent.filter((m) => phoneDigits(m.from) === digits)
  const lidChats = new Set(mine.filter((m) => m.hidden).map((m) => m.chatId))
  const chat = [
    ...mine.map((m) => ({ key: m.key, mine: true, body: m.body, at: m.at, note: noteFor(m), media: undefined })),
    ...outbox
      .filter((entry) => phoneDigits(entry.to) === digits || lidChats.has(entry.to))
      .map((entry) => ({ key: entry.id, mine: false, body: entry.body, at: new Date(entry.timestamp * 1000), note: null, media: entry.media })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime())

  function noteFor(m: SentByCustomer): string | null {
    const parts = [
      m.type !== 'text' ? t(`types.${m.type}`) : null,
      m.hidden ? tLid('hidden') : null,
      m.group ? t('inGroup') : null,
      m.status ? t('asStatus') : null,
    ].filter(Boolean)
    return parts.length ? parts.join(' · ') : null
  }

  const send = () => {
    if (!from.trim() || actions.sendAsCustomer.isPending) return
    const message = { from: from.trim(), name: name.trim() || undefined, body, type, group, status: asStatus, hidden }
    const mediaFailure = fileTypes.has(type) && download !== 'ok' ? download : undefined
    actions.sendAsCustomer.mutate(
      { ...message, mediaFailure },
      {
        onSuccess: (result) => {
          setSent((list) => [...list, { ...message, chatId: result.from, key: `${Date.now()}-${list.length}`, at: new Date() }])
          // Only what was sent is cleared: a next message typed while this one was on its way stays.
          setBody((current) => (current === message.body ? '' : current))
        },
      },
    )
  }

  return (
    <div className="mx-auto w-full max-w-sm overflow-hidden rounded-[2rem] border-8 border-slate-800 bg-slate-800 shadow-xl">
      <div className="flex items-center gap-3 bg-brand-800 px-4 py-3 text-white">
        <Avatar name={name || t('title')} seed={digits || 'customer'} size="sm" />
        <div className="min-w-0">
          <p className="truncate text-sm font-semibold">{name || t('title')}</p>
          <p className="truncate text-xs text-white/70 tabular-nums" dir="ltr">
            {formatPhone(from.replace(/[^\d+]/g, '')) ?? from}
          </p>
        </div>
      </div>

      <div className="space-y-3 bg-white px-4 py-3">
        <div className="grid grid-cols-2 gap-2">
          <Field label={t('from')} htmlFor="customer-from">
            <Input id="customer-from" value={from} onChange={(e) => setFrom(e.target.value)} inputMode="tel" data-testid="phone-customer-from" />
          </Field>
          <Field label={t('name')} htmlFor="customer-name">
            <Input
              id="customer-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={t('namePlaceholder')}
              data-testid="phone-customer-name"
            />
          </Field>
        </div>
      </div>

      <div className="h-72 space-y-1.5 overflow-y-auto bg-chat-bg px-3 py-3" data-testid="phone-customer-chat">
        {chat.length === 0 && <p className="mx-auto mt-10 w-fit rounded-lg bg-white/80 px-3 py-1.5 text-center text-xs text-slate-500">{t('emptyChat')}</p>}
        {chat.map((m) => (
          <div key={m.key} className={cx('flex', m.mine ? 'justify-end' : 'justify-start')}>
            <div className={cx('max-w-[85%] rounded-lg px-2.5 py-1.5 text-sm shadow-[0_1px_0.5px_rgba(11,20,26,0.13)]', m.mine ? 'bg-bubble-out' : 'bg-white')}>
              {m.note && <p className="text-[0.7rem] font-medium text-slate-500">{m.note}</p>}
              {m.media && <SentMedia media={m.media} />}
              {(m.body || !m.media) && <p className="break-words whitespace-pre-wrap">{m.body || '—'}</p>}
              <p className="text-right text-[0.68rem] text-slate-500 tabular-nums">{format.dateTime(m.at, { hour: '2-digit', minute: '2-digit' })}</p>
            </div>
          </div>
        ))}
      </div>

      <form
        className="space-y-2 bg-slate-100 px-3 py-3"
        onSubmit={(event) => {
          event.preventDefault()
          send()
        }}
      >
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <Select
            value={type}
            onChange={(e) => setType(e.target.value as MessageType)}
            aria-label={t('type')}
            data-testid="phone-customer-type"
            className="w-36"
          >
            {messageTypes.map((value) => (
              <option key={value} value={value}>
                {t(`types.${value}`)}
              </option>
            ))}
          </Select>
          {fileTypes.has(type) && (
            <Select
              value={download}
              onChange={(e) => setDownload(e.target.value as Download)}
              aria-label={t('download')}
              title={t('download')}
              data-testid="phone-customer-download"
              className="w-44"
            >
              {downloads.map((value) => (
                <option key={value} value={value}>
                  {t(`downloads.${value}`)}
                </option>
              ))}
            </Select>
          )}
          <Switch label={t('inGroup')} checked={group} onChange={(e) => setGroup(e.target.checked)} data-testid="phone-customer-group" />
          <Switch label={t('asStatus')} checked={asStatus} onChange={(e) => setAsStatus(e.target.checked)} data-testid="phone-customer-status" />
          <Switch
            label={tLid('hidden')}
            title={tLid('hiddenHint')}
            checked={hidden}
            onChange={(e) => setHidden(e.target.checked)}
            data-testid="phone-customer-hidden"
          />
          <button
            type="button"
            disabled={actions.revealNumber.isPending || !from.trim()}
            onClick={() => {
              const phone = from.trim()
              actions.revealNumber.mutate({ phone }, { onSuccess: () => setRevealedFor(phone) })
            }}
            data-testid="phone-customer-reveal"
            className="text-xs font-medium text-brand-700 underline-offset-2 hover:underline disabled:text-slate-400"
          >
            {tLid('reveal')}
          </button>
        </div>
        {revealedFor && phoneDigits(revealedFor) === digits && (
          <p className="text-xs text-slate-600" data-testid="phone-customer-revealed">
            {tLid('revealed', { phone: revealedFor })}
          </p>
        )}
        <div className="flex items-end gap-2">
          <textarea
            rows={1}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                event.preventDefault()
                send()
              }
            }}
            placeholder={t('bodyPlaceholder')}
            aria-label={t('body')}
            data-testid="phone-customer-body"
            className={cx(fieldClasses, 'field-sizing-content max-h-32 min-h-10 resize-none rounded-2xl py-2')}
          />
          <button
            type="submit"
            aria-label={t('send')}
            title={t('send')}
            disabled={actions.sendAsCustomer.isPending}
            data-testid="phone-customer-send"
            className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-600 text-white shadow-sm hover:bg-brand-700 disabled:bg-brand-600/60"
          >
            <SendIcon className="size-5" />
          </button>
        </div>
      </form>
    </div>
  )
}
