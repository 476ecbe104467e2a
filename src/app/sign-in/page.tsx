import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { SignInForm } from '~/features/auth/sign-in-form'
import { Brand } from '~/features/shell/brand'
import { landingPath } from '~/features/shell/landing-path'
import { LocaleSwitcher } from '~/features/shell/locale-switcher'
import { pageMetadata } from '~/features/shell/page-metadata'
import { getServerCaller } from '~/trpc/server'
import { signInWithPassword } from './actions'

export const generateMetadata = () => pageMetadata('auth.submit')

export default async function SignInPage() {
  // Already signed in (and the user still exists): go straight to work.
  const me = await (await getServerCaller()).user.me().catch(() => null)
  if (me) redirect(landingPath(me.role))
  const t = await getTranslations('auth')
  return (
    <div className="relative flex min-h-dvh flex-col bg-gradient-to-b from-brand-50 via-slate-50 to-slate-50">
      <header className="flex items-center justify-between px-4 py-4 sm:px-6">
        <Brand />
        <LocaleSwitcher saveToAccount={false} />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-6 pb-16 sm:items-center sm:pt-0">
        <div className="w-full max-w-sm">
          <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-lg shadow-slate-200/60 sm:p-8">
            <h1 data-testid="page-title" className="text-xl font-semibold tracking-tight text-slate-900">
              {t('title')}
            </h1>
            <p className="mt-1 mb-6 text-sm text-slate-500">{t('subtitle')}</p>
            <SignInForm signIn={signInWithPassword} />
          </div>
        </div>
      </main>
    </div>
  )
}
