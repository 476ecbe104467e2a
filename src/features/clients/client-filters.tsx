'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useEffect, useOptimistic, useRef, useState, useTransition } from 'react'
import { Button } from '~/components/button'
import { Select } from '~/components/select'
import { clientLanguages, useLanguageName } from './client-languages'
import { clientListHref, type ClientListParams } from './client-list-params'
import { clientStatuses, isClientStatus } from './client-statuses'
import { SearchInput } from '~/components/search-input'

const SEARCH_DELAY_MS = 300

/**
 * Search, status and language filters; every change goes to the URL (and back to page 1). While the
 * URL catches up, the controls show the new values (useOptimistic), and a second quick change builds
 * on the first instead of on the URL it has not reached yet.
 */
export function ClientFilters({ params }: { params: ClientListParams }) {
  const t = useTranslations()
  const router = useRouter()
  const languageName = useLanguageName()
  const [, startTransition] = useTransition()
  const [current, setCurrent] = useOptimistic(params)
  // What the next change builds on: the shown values, and right after go() the values it just asked for.
  // Written after each commit (React keeps ref writes out of render), and by go() itself.
  const latest = useRef(current)
  useEffect(() => {
    latest.current = current
  }, [current])
  const [query, setQuery] = useState(params.search)
  // The last search we put in the URL: a URL change we did not make (reset, back button) updates the box.
  const pushedSearch = useRef(params.search)

  const go = (changes: Partial<ClientListParams>) => {
    const next = { ...latest.current, page: 1, ...changes }
    latest.current = next
    startTransition(() => {
      setCurrent(next)
      router.replace(clientListHref(next), { scroll: false })
    })
  }

  useEffect(() => {
    if (params.search !== pushedSearch.current) {
      pushedSearch.current = params.search
      setQuery(params.search)
    }
  }, [params.search])

  useEffect(() => {
    const search = query.trim()
    if (search === pushedSearch.current) return
    const timer = setTimeout(() => {
      pushedSearch.current = search
      go({ search })
    }, SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
    // `go` reads the latest state through a ref; the effect only needs to react to typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query])

  const filtered = Boolean(current.search || current.status || current.language)

  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <SearchInput
        value={query}
        onValueChange={setQuery}
        placeholder={t('clients.searchPlaceholder')}
        aria-label={t('clients.searchLabel')}
        data-testid="clients-search"
        className="min-w-0 flex-1"
      />
      <div className="grid grid-cols-2 gap-2 sm:flex">
        <Select
          value={current.status ?? ''}
          onChange={(event) => go({ status: isClientStatus(event.target.value) ? event.target.value : undefined })}
          aria-label={t('clients.statusLabel')}
          data-testid="clients-status-filter"
          className="sm:w-48"
        >
          <option value="">{t('clients.allStatuses')}</option>
          {clientStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`clientStatus.${status}`)}
            </option>
          ))}
        </Select>
        <Select
          value={current.language ?? ''}
          onChange={(event) => go({ language: event.target.value || undefined })}
          aria-label={t('clients.languageLabel')}
          data-testid="clients-language-filter"
          className="sm:w-40"
        >
          <option value="">{t('clients.allLanguages')}</option>
          {clientLanguages.map((code) => (
            <option key={code} value={code}>
              {languageName(code)}
            </option>
          ))}
          {current.language && !(clientLanguages as readonly string[]).includes(current.language) && (
            <option value={current.language}>{languageName(current.language)}</option>
          )}
        </Select>
      </div>
      {filtered && (
        <Button
          variant="ghost"
          onClick={() => {
            pushedSearch.current = ''
            setQuery('')
            go({ search: '', status: undefined, language: undefined })
          }}
          className="max-sm:self-start"
        >
          {t('clients.resetFilters')}
        </Button>
      )}
    </div>
  )
}
