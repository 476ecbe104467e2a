'use client'

import { useTranslations } from 'next-intl'
import { useActionState } from 'react'
import { Button } from '~/components/button'
import { AlertIcon, SpinnerIcon } from '~/components/icons'
import { Field, Input } from '~/components/input'
import type { SignInAction, SignInState } from './sign-in-state'

const initialState: SignInState = { error: null, email: '' }

/** The sign-in form; `signIn` is the server action its page passes in. */
export function SignInForm({ signIn }: { signIn: SignInAction }) {
  const t = useTranslations('auth')
  const [state, formAction, pending] = useActionState(signIn, initialState)
  return (
    <form action={formAction} className="space-y-4">
      {state.error && (
        <div
          role="alert"
          data-testid="sign-in-error"
          className="flex items-start gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-700"
        >
          <AlertIcon className="mt-px size-4 shrink-0" />
          <span>{state.error}</span>
        </div>
      )}
      <Field label={t('email')} htmlFor="email">
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          defaultValue={state.email}
          placeholder={t('emailPlaceholder')}
          data-testid="email"
        />
      </Field>
      <Field label={t('password')} htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required data-testid="password" />
      </Field>
      <Button type="submit" className="w-full" disabled={pending} data-testid="sign-in-submit">
        {pending && <SpinnerIcon className="size-4" />}
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  )
}
