'use client'

import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useDeferredValue, useId, useState } from 'react'
import { Avatar } from '~/components/avatar'
import { Badge } from '~/components/badge'
import { Button } from '~/components/button'
import { cx } from '~/components/class-names'
import { SpinnerIcon } from '~/components/icons'
import { Field, Input } from '~/components/input'
import { PhoneText } from '~/components/phone-text'
import { useTRPC } from '~/trpc/react'
import { useClientDisplayName } from '../clients/client-display-name'
import { SearchInput } from '~/components/search-input'

export interface PickedClient {
  id: string
  name: string | null
  phone: string | null
}

/** Who the chat is with: an existing client (found by name or number), or a new one by phone. */
export interface ClientChoice {
  mode: 'existing' | 'new'
  existing: PickedClient | null
  /** The existing client came from the server's suggestion, not from a search. */
  suggested: boolean
  newClient: { phone: string; name: string }
}

const SEARCH_SIZE = 8

export function ExportClientPicker({ value, onChange, disabled }: { value: ClientChoice; onChange: (value: ClientChoice) => void; disabled?: boolean }) {
  const t = useTranslations('import.export.client')
  const ids = useId()
  const displayName = useClientDisplayName()
  const modes = [
    ['existing', t('existing')],
    ['new', t('new')],
  ] as const

  return (
    <fieldset className="min-w-0 space-y-3" data-testid="export-client-picker" data-mode={value.mode} disabled={disabled}>
      <legend className="mb-2 text-sm font-semibold text-slate-900">{t('title')}</legend>
      <div className="grid grid-cols-2 gap-1 rounded-lg bg-slate-100 p-1" role="radiogroup">
        {modes.map(([mode, label]) => (
          <label
            key={mode}
            className={cx(
              'flex min-h-9 cursor-pointer items-center justify-center rounded-md px-2 py-1 text-center text-sm leading-tight font-medium transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500',
              value.mode === mode ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600 hover:text-slate-900',
            )}
          >
            <input
              type="radio"
              name={`${ids}-mode`}
              value={mode}
              checked={value.mode === mode}
              onChange={() => onChange({ ...value, mode })}
              className="sr-only"
              data-testid={`export-client-mode-${mode}`}
            />
            {label}
          </label>
        ))}
      </div>

      {value.mode === 'existing' ? (
        value.existing ? (
          <div
            className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-brand-200 bg-brand-50/60 px-3 py-2.5"
            data-testid="export-client-selected"
            data-client-id={value.existing.id}
          >
            <Avatar name={displayName(value.existing)} seed={value.existing.id} size="sm" />
            <div className="min-w-[9rem] flex-1">
              <p className="truncate text-sm font-medium text-slate-900">{displayName(value.existing)}</p>
              <PhoneText phone={value.existing.phone} className="block text-xs whitespace-nowrap text-slate-500 tabular-nums" />
              {value.suggested && (
                <Badge tone="sky" className="mt-1">
                  {t('suggested')}
                </Badge>
              )}
            </div>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => onChange({ ...value, existing: null, suggested: false })}
              data-testid="export-client-change"
              className="ml-auto"
            >
              {t('change')}
            </Button>
          </div>
        ) : (
          <ClientSearch onPick={(client) => onChange({ ...value, existing: client, suggested: false })} />
        )
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t('phone')} htmlFor={`${ids}-phone`}>
            <Input
              id={`${ids}-phone`}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              placeholder={t('phonePlaceholder')}
              value={value.newClient.phone}
              onChange={(event) => onChange({ ...value, newClient: { ...value.newClient, phone: event.target.value } })}
              data-testid="export-new-client-phone"
            />
          </Field>
          <Field label={t('name')} htmlFor={`${ids}-name`}>
            <Input
              id={`${ids}-name`}
              placeholder={t('namePlaceholder')}
              value={value.newClient.name}
              onChange={(event) => onChange({ ...value, newClient: { ...value.newClient, name: event.target.value } })}
              data-testid="export-new-client-name"
            />
          </Field>
        </div>
      )}
    </fieldset>
  )
}

function ClientSearch({ onPick }: { onPick: (client: PickedClient) => void }) {
  const t = useTranslations('import.export.client')
  const trpc = useTRPC()
  const displayName = useClientDisplayName()
  const [search, setSearch] = useState('')
  const deferred = useDeferredValue(search.trim())
  const query = useQuery({ ...trpc.clients.list.queryOptions({ search: deferred || undefined, pageSize: SEARCH_SIZE }), placeholderData: keepPreviousData })
  const items = query.data?.items ?? []

  return (
    <div className="space-y-2">
      <SearchInput
        value={search}
        onValueChange={setSearch}
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchLabel')}
        data-testid="export-client-search"
      />
      {query.isPending ? (
        <p className="flex items-center gap-2 px-1 py-2 text-sm text-slate-500" aria-busy>
          <SpinnerIcon className="size-4" />
        </p>
      ) : items.length === 0 ? (
        <p className="px-1 py-2 text-sm text-slate-500">{t('noMatches')}</p>
      ) : (
        <ul className={cx('max-h-64 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200', query.isPlaceholderData && 'opacity-60')}>
          {items.map((client) => (
            <li key={client.id}>
              <button
                type="button"
                onClick={() => onPick({ id: client.id, name: client.name, phone: client.phone })}
                className="flex w-full items-center gap-3 px-3 py-2 text-left hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none"
                data-testid="export-client-option"
              >
                <Avatar name={displayName(client)} seed={client.id} size="sm" />
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-medium text-slate-900">{displayName(client)}</span>
                  <PhoneText phone={client.phone} className="block text-xs text-slate-500 tabular-nums" />
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
