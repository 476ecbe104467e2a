/**
 * Server-side translation for errors and notifications (outside React), from the same messages files.
 */
import { createTranslator } from 'next-intl'
import type { z } from 'zod'
import { allMessages } from '~/i18n/messages'
import type { Locale } from '~/i18n/locales'

export function translator(locale: Locale) {
  return createTranslator({ locale, messages: allMessages[locale] })
}

/** Translates `errors.<key>`; falls back to the generic error if the key is unknown. */
export function translateError(locale: Locale, key: string, params: Record<string, string | number | Date> = {}): string {
  const t = translator(locale) as unknown as {
    (key: string, params?: Record<string, unknown>): string
    has: (key: string) => boolean
  }
  const full = `errors.${key}`
  return t.has(full) ? t(full, params) : t('errors.internal')
}

type Issue = z.core.$ZodIssue

/**
 * A zod issue in the user's language. Schemas may set their own message as an i18n key
 * (`validation.phoneInvalid`); otherwise the issue code picks a generic message.
 */
export function translateZodIssue(locale: Locale, issue: Issue): string {
  const t = translator(locale) as unknown as {
    (key: string, params?: Record<string, unknown>): string
    has: (key: string) => boolean
  }
  if (issue.message && issue.message.startsWith('validation.') && t.has(issue.message)) return t(issue.message)
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return t('validation.tooShort', { min: Number(issue.minimum) })
      if (issue.origin === 'array') return t('validation.tooFewItems', { min: Number(issue.minimum) })
      return t('validation.tooSmall', { min: Number(issue.minimum) })
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: Number(issue.maximum) })
      if (issue.origin === 'array') return t('validation.tooManyItems', { max: Number(issue.maximum) })
      return t('validation.tooBig', { max: Number(issue.maximum) })
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? t('validation.required') : t('validation.invalidType')
    case 'invalid_format':
      return t('validation.invalidFormat')
    case 'invalid_value':
      return t('validation.invalidValue')
    case 'unrecognized_keys':
      return t('validation.unknownField')
    default:
      return t('validation.invalid')
  }
}

/** Flattens a zod error into { formErrors, fieldErrors } with localized messages. */
export function flattenZodError(locale: Locale, error: z.ZodError) {
  const formErrors: string[] = []
  const fieldErrors: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const message = translateZodIssue(locale, issue)
    const path = issue.path.map(String).join('.')
    if (!path) formErrors.push(message)
    else (fieldErrors[path] ??= []).push(message)
  }
  return { formErrors, fieldErrors }
}
