'use client'

import { useQuery } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useDeferredValue, useEffect, useId, useRef, useState } from 'react'
import { Alert } from '~/components/alert'
import { Button } from '~/components/button'
import { CheckCircleIcon, CloseIcon, PlusIcon, SpinnerIcon } from '~/components/icons'
import { Field, Input } from '~/components/input'
import { PhoneText } from '~/components/phone-text'
import { SearchInput } from '~/components/search-input'
import { formatAsYouType, parsePhoneInput, PHONE_INPUT_MAX } from '~/shared/phone-number'
import { useTRPC } from '~/trpc/react'
import { OptOutBadge } from '../clients/opt-out-badge'
import { useClientDisplayName } from '../clients/client-display-name'
import { useStartChat } from './use-start-chat'

/** The conversations page's "New chat" button and its dialog. */
export function NewChatButton() {
  const t = useTranslations('newChat')
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)} data-testid="new-chat" aria-haspopup="dialog">
        <PlusIcon className="size-4" />
        {t('button')}
      </Button>
      {open && <NewChatDialog onClose={() => setOpen(false)} />}
    </>
  )
}

/**
 * A chat with a new phone number (formatted as it is typed, with an optional name) or with a client found
 * by search. WhatsApp is asked before anything is created; a refusal shows here and keeps what was typed.
 */
function NewChatDialog({ onClose }: { onClose: () => void }) {
  const t = useTranslations('newChat')
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const phoneId = useId()
  const nameId = useId()
  const [phone, setPhone] = useState('')
  const [name, setName] = useState('')
  const [touched, setTouched] = useState(false)
  const start = useStartChat(onClose)
  const parsed = parsePhoneInput(phone)

  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
  }, [])

  const close = () => {
    if (!start.isPending) onClose()
  }
  const submit = () => {
    setTouched(true)
    if (!parsed.ok || start.isPending) return
    start.mutate({ phone, ...(name.trim() ? { name: name.trim() } : {}) })
  }
  const problem = !parsed.ok && parsed.problem !== 'empty' && touched ? parsed.problem : null

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      data-testid="new-chat-dialog"
      onCancel={(event) => {
        event.preventDefault()
        close()
      }}
      onClick={(event) => event.target === dialog.current && close()}
      className="m-auto w-[calc(100%-1.5rem)] max-w-md rounded-xl bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-5 py-3">
        <h2 id={titleId} className="text-base font-semibold">
          {t('title')}
        </h2>
        <button type="button" onClick={close} aria-label={t('close')} className="rounded-md p-1 text-slate-500 hover:bg-slate-100">
          <CloseIcon className="size-4" />
        </button>
      </div>
      <form
        className="space-y-4 p-5"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          submit()
        }}
      >
        <Field label={t('phoneLabel')} htmlFor={phoneId}>
          <Input
            id={phoneId}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            autoFocus
            dir="ltr"
            maxLength={PHONE_INPUT_MAX}
            value={phone}
            placeholder="0555 123 456"
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${phoneId}-hint`}
            onChange={(event) => {
              setPhone(event.target.value)
              if (start.error) start.reset()
            }}
            onBlur={() => phone.trim() && setTouched(true)}
            data-testid="new-chat-phone"
          />
          <p id={`${phoneId}-hint`} className="min-h-5 text-xs" data-testid="new-chat-preview">
            {parsed.ok ? (
              <span className="inline-flex items-center gap-1 text-brand-700" dir="ltr">
                <CheckCircleIcon className="size-3.5" />
                {parsed.international}
              </span>
            ) : problem ? (
              <span className="text-red-700" data-testid="new-chat-phone-problem">
                {t(`problem.${problem}`)}
              </span>
            ) : phone.trim() ? (
              <span className="text-slate-500" dir="ltr">
                {formatAsYouType(phone)}
              </span>
            ) : (
              <span className="text-slate-500">{t('phoneHint')}</span>
            )}
          </p>
        </Field>
        <Field label={t('nameLabel')} htmlFor={nameId}>
          <Input id={nameId} value={name} maxLength={100} onChange={(event) => setName(event.target.value)} data-testid="new-chat-name" />
        </Field>
        {start.error && (
          <Alert tone="error" data-testid="new-chat-error" data-code={start.error.data?.appCode ?? undefined}>
            {start.error.message}
          </Alert>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={close} disabled={start.isPending}>
            {t('cancel')}
          </Button>
          <Button type="submit" disabled={start.isPending || (touched && !parsed.ok)} data-testid="new-chat-submit">
            {start.isPending && <SpinnerIcon className="size-4" />}
            {start.isPending ? t('checking') : t('start')}
          </Button>
        </div>
      </form>
      <ClientPicker disabled={start.isPending} onPick={(clientId) => start.mutate({ clientId })} />
    </dialog>
  )
}

/** Or an existing client, found by name or number. */
function ClientPicker({ disabled, onPick }: { disabled: boolean; onPick: (clientId: string) => void }) {
  const t = useTranslations('newChat')
  const trpc = useTRPC()
  const displayName = useClientDisplayName()
  const [search, setSearch] = useState('')
  const query = useDeferredValue(search.trim())
  const clients = useQuery({ ...trpc.clients.list.queryOptions({ search: query, pageSize: 5 }), enabled: query.length >= 2 })
  return (
    <div className="space-y-2 border-t border-slate-100 bg-slate-50 px-5 py-4">
      <p className="text-sm font-medium text-slate-700">{t('orClient')}</p>
      <SearchInput
        value={search}
        onValueChange={setSearch}
        placeholder={t('clientSearch')}
        aria-label={t('clientSearch')}
        data-testid="new-chat-client-search"
      />
      {query.length >= 2 &&
        (clients.isPending ? (
          <SpinnerIcon className="mx-auto size-4 text-slate-400" />
        ) : clients.data?.items.length ? (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="new-chat-clients">
            {clients.data.items.map((client) => (
              <li key={client.id}>
                <button
                  type="button"
                  disabled={disabled}
                  onClick={() => onPick(client.id)}
                  className="flex w-full items-center justify-between gap-2 px-3 py-2 text-left text-sm hover:bg-slate-50 disabled:opacity-60"
                  data-testid="new-chat-client"
                >
                  <span className="min-w-0">
                    <span className="block truncate font-medium text-slate-900">{displayName(client)}</span>
                    <PhoneText phone={client.phone} className="block text-xs text-slate-500 tabular-nums" />
                  </span>
                  <OptOutBadge optedOutAt={client.optedOutAt} />
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{t('noClients')}</p>
        ))}
    </div>
  )
}
