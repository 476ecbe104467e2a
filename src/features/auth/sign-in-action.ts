'use server'

import { AuthError } from 'next-auth'
import { getTranslations } from 'next-intl/server'
import { signIn } from '~/server/auth'

export interface SignInState {
  error: string | null
  /** Echoed back so a failed attempt keeps what the user typed. */
  email: string
}

/**
 * Signs in with email + password. Success redirects (next-auth throws Next's redirect, which must
 * propagate); a refused sign-in comes back as a localized message for the form.
 */
export async function signInWithPassword(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get('email') ?? '').trim()
  const password = String(formData.get('password') ?? '')
  try {
    await signIn('credentials', { email, password, redirectTo: '/conversations' })
  } catch (error) {
    if (error instanceof AuthError) {
      const t = await getTranslations('errors')
      // CredentialsSignin is a wrong email or password; other auth errors are ours (e.g. the database is down).
      return { error: error.type === 'CredentialsSignin' ? t('invalidCredentials') : t('serviceUnavailable'), email }
    }
    throw error
  }
  return { error: null, email }
}
