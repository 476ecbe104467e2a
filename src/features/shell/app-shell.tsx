'use client'

import { usePathname } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useEffect, useState } from 'react'
import { Avatar } from '~/components/avatar'
import { cx } from '~/components/class-names'
import { CloseIcon, MenuIcon } from '~/components/icons'
import { InboxLive } from '../inbox/inbox-live'
import { NotificationToggle } from '../inbox/notification-toggle'
import { WaitingNavBadge } from '../inbox/waiting-nav-badge'
import { Brand } from './brand'
import { CurrentUserProvider, type ShellUser } from './current-user'
import { LocaleSwitcher } from './locale-switcher'
import { SidebarNav } from './sidebar-nav'
import { SignOutButton } from './sign-out-button'
import { GovernorBanner } from '~/features/whatsapp/governor-banner'
import { isAdminRole } from './roles'

export type { ShellUser }

/**
 * The signed-in frame: a sidebar (a drawer on phones, opened by the menu button) and a top bar with
 * the language, the user and sign-out. Pages render in the scrollable main area. `signOut` is the
 * server action the layout passes in (React code does not import server code).
 */
export function AppShell({ user, signOut, children }: { user: ShellUser; signOut: () => Promise<void>; children: React.ReactNode }) {
  const t = useTranslations()
  const pathname = usePathname()
  const [navOpen, setNavOpen] = useState(false)
  // Navigating closes the drawer: adjusted during render when the path changes (React's pattern for
  // state that follows a prop), instead of an effect that would render the open drawer once more.
  const [navPathname, setNavPathname] = useState(pathname)
  if (pathname !== navPathname) {
    setNavPathname(pathname)
    setNavOpen(false)
  }
  useEffect(() => {
    if (!navOpen) return
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setNavOpen(false)
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [navOpen])

  const roleLabel = t(`shell.roles.${user.role}`)

  return (
    <div className="flex h-dvh overflow-hidden">
      {navOpen && <div aria-hidden className="fixed inset-0 z-30 bg-slate-900/40 backdrop-blur-[1px] lg:hidden" onClick={() => setNavOpen(false)} />}

      <aside
        id="app-nav"
        data-testid="app-nav"
        className={cx(
          'fixed inset-y-0 left-0 z-40 flex w-72 flex-col border-r border-slate-200 bg-white transition-[translate,visibility] duration-200',
          'lg:visible lg:static lg:w-64 lg:translate-x-0',
          navOpen ? 'visible translate-x-0 shadow-xl' : 'invisible -translate-x-full',
        )}
      >
        <div className="flex h-14 shrink-0 items-center justify-between gap-2 px-4">
          <Brand />
          <button
            type="button"
            onClick={() => setNavOpen(false)}
            className="rounded-lg p-2 text-slate-500 hover:bg-slate-100 lg:hidden"
            aria-label={t('nav.closeMenu')}
          >
            <CloseIcon />
          </button>
        </div>
        <p className="truncate px-4 pb-4 text-xs text-slate-500" data-testid="organization-name" title={user.organizationName}>
          {user.organizationName}
        </p>
        <div className="flex-1 overflow-y-auto px-3">
          <SidebarNav onNavigate={() => setNavOpen(false)} showDashboard={isAdminRole(user.role)} />
        </div>
        <div className="flex items-center gap-3 border-t border-slate-100 px-4 py-3">
          <Avatar name={user.name} seed={user.id} size="sm" />
          <div className="min-w-0 text-sm">
            <p className="truncate font-medium text-slate-900">{user.name}</p>
            <p className="truncate text-xs text-slate-500">{roleLabel}</p>
          </div>
        </div>
      </aside>

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 shrink-0 items-center gap-2 border-b border-slate-200 bg-white/90 px-3 backdrop-blur sm:px-4 lg:px-6">
          <button
            type="button"
            data-testid="nav-toggle"
            aria-controls="app-nav"
            aria-expanded={navOpen}
            aria-label={t('nav.openMenu')}
            onClick={() => setNavOpen(true)}
            className="-ml-1 rounded-lg p-2 text-slate-600 hover:bg-slate-100 lg:hidden"
          >
            <MenuIcon />
          </button>
          <Brand className="lg:hidden" />
          {/* On phones the navigation is a drawer: the waiting count shows in the top bar. */}
          <WaitingNavBadge className="lg:hidden" testId="header-waiting-count" />
          <div className="ml-auto flex items-center gap-1 sm:gap-3">
            <NotificationToggle />
            <LocaleSwitcher saveToAccount />
            <div className="hidden items-center gap-2 md:flex" data-testid="current-user">
              <Avatar name={user.name} seed={user.id} size="sm" />
              <div className="text-right text-sm leading-tight">
                <p className="font-medium text-slate-900">{user.name}</p>
                <p className="text-xs text-slate-500">{roleLabel}</p>
              </div>
            </div>
            <SignOutButton signOut={signOut} />
          </div>
        </header>
        <main className="min-h-0 flex-1 overflow-y-auto">
          <InboxLive userId={user.id} />
          <CurrentUserProvider user={user}>
            {/* The sending governor's pause, on every page (issue 12): why, and Resume for admins. */}
            <GovernorBanner canManage={isAdminRole(user.role)} className="mx-3 mt-3 sm:mx-6" />
            {children}
          </CurrentUserProvider>
        </main>
      </div>
    </div>
  )
}
