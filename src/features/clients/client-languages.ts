import { useTranslations } from 'next-intl'

/** Languages clients write in, offered in the filter (the first three are the interface languages). */
export const clientLanguages = ['ru', 'ky', 'en', 'uz', 'kk', 'tg', 'tr'] as const

/** A client's language as a localized name; unknown codes are shown as the code. */
export function useLanguageName() {
  const t = useTranslations('languages')
  return (code: string | null | undefined): string | null => {
    if (!code) return null
    return t.has(code) ? t(code) : code.toUpperCase()
  }
}
