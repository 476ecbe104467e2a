'use server'

import { AuthError } from 'next-auth'
import { getTranslations } from 'next-intl/server'
import type { SignInState } from '~/features/auth/sign-in-state'
import { signIn } from '~/server/auth'
import { throttledMinutes } from '~/server/auth/sign-in'

/** A text field of the form; a missing field (or a file where text belongs) reads as empty. */
function formText(formData: FormData, name: string): string {
  const value = formData.get(name)
  return typeof value === 'string' ? value : ''
}

/**
 * Signs in with email + password. Success redirects (next-auth throws Next's redirect, which must
 * propagate); a refused sign-in comes back as a localized message for the form.
 */
export async function signInWithPassword(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = formText(formData, 'email').trim()
  const password = formText(formData, 'password')
  try {
    // '/' sends each role to its landing page (features/shell/landing-path.ts).
    await signIn('credentials', { email, password, redirectTo: '/' })
  } catch (error) {
    if (error instanceof AuthError) {
      const t = await getTranslations('errors')
      // CredentialsSignin is a wrong email or password, or too many of them; other auth errors are ours (e.g. the database is down).
      if (error.type !== 'CredentialsSignin') return { error: t('serviceUnavailable'), email }
      const minutes = throttledMinutes((error as AuthError & { code?: string }).code)
      return { error: minutes === null ? t('invalidCredentials') : t('signInThrottled', { minutes }), email }
    }
    throw error
  }
  return { error: null, email }
}
