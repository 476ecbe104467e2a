'use client'

import { useTranslations } from 'next-intl'
import { useFormStatus } from 'react-dom'
import { buttonClasses } from '~/components/button'
import { SignOutIcon, SpinnerIcon } from '~/components/icons'

function SubmitButton() {
  const t = useTranslations('shell')
  const { pending } = useFormStatus()
  return (
    <button
      type="submit"
      disabled={pending}
      data-testid="sign-out"
      title={t('signOut')}
      className={buttonClasses({ variant: 'ghost', size: 'sm', className: 'h-9 px-2 sm:px-3' })}
    >
      {pending ? <SpinnerIcon className="size-4" /> : <SignOutIcon className="size-4" />}
      <span className="max-sm:sr-only">{t('signOut')}</span>
    </button>
  )
}

/** Signs out through `signOut`, the server action the layout hands down. */
export function SignOutButton({ signOut }: { signOut: () => Promise<void> }) {
  return (
    <form action={signOut}>
      <SubmitButton />
    </form>
  )
}
