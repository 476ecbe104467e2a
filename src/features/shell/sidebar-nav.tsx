'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { cx } from '~/components/class-names'
import { ChartIcon, ChatIcon, PhoneLinkIcon, QuickReplyIcon, UploadIcon, UsersIcon } from '~/components/icons'
import { WaitingNavBadge } from '../inbox/waiting-nav-badge'

interface NavItem {
  href: string
  labelKey: 'dashboard' | 'conversations' | 'clients' | 'whatsapp' | 'quickReplies' | 'import'
  testId: string
  icon: (props: React.SVGProps<SVGSVGElement>) => React.ReactNode
}

/** The dashboard leads the list for admins (their landing page, features/shell/landing-path.ts). */
const dashboardItem: NavItem = { href: '/dashboard', labelKey: 'dashboard', testId: 'nav-dashboard', icon: ChartIcon }

const mainItems: NavItem[] = [
  { href: '/conversations', labelKey: 'conversations', testId: 'nav-conversations', icon: ChatIcon },
  { href: '/clients', labelKey: 'clients', testId: 'nav-clients', icon: UsersIcon },
]

const settingsItems: NavItem[] = [
  { href: '/settings/whatsapp', labelKey: 'whatsapp', testId: 'nav-settings-whatsapp', icon: PhoneLinkIcon },
  { href: '/settings/quick-replies', labelKey: 'quickReplies', testId: 'nav-settings-quick-replies', icon: QuickReplyIcon },
  { href: '/settings/import', labelKey: 'import', testId: 'nav-settings-import', icon: UploadIcon },
]

function isActive(pathname: string, href: string) {
  return pathname === href || pathname.startsWith(`${href}/`)
}

/** The app's sections: the dashboard (admins), Conversations, Clients, and the settings pages. */
export function SidebarNav({ onNavigate, showDashboard = false }: { onNavigate?: () => void; showDashboard?: boolean }) {
  const t = useTranslations('nav')
  const pathname = usePathname()

  const renderItem = ({ href, labelKey, testId, icon: Icon }: NavItem) => {
    const active = isActive(pathname, href)
    return (
      <li key={href} className="relative">
        <Link
          href={href}
          data-testid={testId}
          aria-current={active ? 'page' : undefined}
          onClick={onNavigate}
          className={cx(
            'group flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors',
            active ? 'bg-brand-50 text-brand-800' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900',
          )}
        >
          <Icon className={cx('size-5', active ? 'text-brand-600' : 'text-slate-400 group-hover:text-slate-500')} />
          {t(labelKey)}
        </Link>
        {/* Beside the link, not in it: the link's name stays the section's name. */}
        {href === '/conversations' && <WaitingNavBadge className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2" />}
      </li>
    )
  }

  return (
    <nav aria-label={t('main')} className="space-y-6">
      <ul className="space-y-1">{(showDashboard ? [dashboardItem, ...mainItems] : mainItems).map(renderItem)}</ul>
      <div>
        <p className="px-3 pb-2 text-xs font-semibold tracking-wide text-slate-400 uppercase">{t('settings')}</p>
        <ul className="space-y-1">{settingsItems.map(renderItem)}</ul>
      </div>
    </nav>
  )
}
