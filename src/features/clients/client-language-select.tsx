'use client'

import { useMutation } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { Select } from '~/components/select'
import { useTRPC } from '~/trpc/react'
import { clientLanguages, useLanguageName } from './client-languages'
import type { ClientDetails } from './client-types'

type LanguageFields = Pick<ClientDetails, 'id' | 'preferredLanguage' | 'preferredLanguageSource' | 'languageMatches' | 'languageSampled'>

/**
 * The client's language and why: "Kyrgyz, from 14 of 17 messages" when decided from their messages,
 * "chosen by hand" when a person set it. Admins and operators can choose one (kept from then on) or
 * go back to automatic.
 */
export function ClientLanguageSelect({ client }: { client: LanguageFields }) {
  const t = useTranslations('clients.language')
  const languageName = useLanguageName()
  const trpc = useTRPC()
  const router = useRouter()
  const save = useMutation(trpc.clients.setLanguage.mutationOptions({ onSuccess: () => router.refresh() }))
  const manual = client.preferredLanguageSource === 'MANUAL'
  const options: string[] = [...clientLanguages]
  if (client.preferredLanguage && !options.includes(client.preferredLanguage)) options.push(client.preferredLanguage)
  const name = languageName(client.preferredLanguage)
  const evidence = manual
    ? t('manual')
    : name && client.languageMatches !== null && client.languageSampled !== null
      ? t('evidence', { language: name, matches: client.languageMatches, sampled: client.languageSampled })
      : (name ?? t('unknown'))
  return (
    <div className="space-y-1.5">
      <Select
        value={manual ? (client.preferredLanguage ?? '') : ''}
        onChange={(event) => save.mutate({ clientId: client.id, language: event.target.value || null })}
        disabled={save.isPending}
        aria-label={t('label')}
        data-testid="client-language-select"
        className="w-full"
      >
        <option value="">{t('auto')}</option>
        {options.map((code) => (
          <option key={code} value={code}>
            {languageName(code)}
          </option>
        ))}
      </Select>
      <p className="text-xs text-slate-500" data-testid="client-language-evidence">
        {evidence}
      </p>
      {save.isError && (
        <p role="alert" className="text-xs text-red-700" data-testid="client-language-error">
          {save.error.message || t('saveFailed')}
        </p>
      )}
    </div>
  )
}
