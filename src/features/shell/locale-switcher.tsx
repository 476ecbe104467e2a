'use client'

import { useMutation } from '@tanstack/react-query'
import { useLocale, useTranslations } from 'next-intl'
import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { cx } from '~/components/class-names'
import { GlobeIcon } from '~/components/icons'
import { fieldClasses } from '~/components/input'
import { isLocale, locales, type Locale } from '~/i18n/locales'
import { useTRPC } from '~/trpc/react'
import { setLocaleCookie } from './locale-cookie-action'

/** Each language named in itself, so anyone can find their own whatever the current language is. */
const nativeNames: Record<Locale, string> = { ru: 'Русский', en: 'English', ky: 'Кыргызча' }

/**
 * Switches the interface language: saved on the user (when signed in) and in the NEXT_LOCALE cookie,
 * then the server components re-render in the new language.
 */
export function LocaleSwitcher({ saveToAccount, className }: { saveToAccount: boolean; className?: string }) {
  const t = useTranslations('shell')
  const locale = useLocale()
  const router = useRouter()
  const trpc = useTRPC()
  const saveLocale = useMutation(trpc.user.setLocale.mutationOptions())
  const [selected, setSelected] = useState(locale)
  const [pending, startTransition] = useTransition()
  // When the locale changes (this switch or elsewhere), show it: adjusted during render, as React
  // recommends for state that follows a prop, instead of an effect that would render twice.
  const [shownLocale, setShownLocale] = useState(locale)
  if (locale !== shownLocale) {
    setShownLocale(locale)
    setSelected(locale)
  }

  function change(next: string) {
    if (!isLocale(next)) return
    setSelected(next)
    startTransition(async () => {
      try {
        if (saveToAccount) await saveLocale.mutateAsync({ locale: next })
        await setLocaleCookie(next)
        router.refresh()
      } catch {
        setSelected(locale)
      }
    })
  }

  return (
    <label className={cx('relative flex items-center', className)}>
      <span className="sr-only">{t('language')}</span>
      <GlobeIcon className="pointer-events-none absolute left-2.5 size-4 text-slate-400" />
      <select
        data-testid="locale-switcher"
        value={selected}
        disabled={pending}
        onChange={(event) => change(event.target.value)}
        className={cx(fieldClasses, 'h-9 cursor-pointer appearance-none pr-3 pl-8 disabled:opacity-70')}
      >
        {locales.map((code) => (
          <option key={code} value={code} lang={code}>
            {nativeNames[code]}
          </option>
        ))}
      </select>
    </label>
  )
}
