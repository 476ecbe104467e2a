import { redirect } from 'next/navigation'
import { AppShell } from '~/features/shell/app-shell'
import { getSessionUser } from '~/server/auth'
import { getCurrentUser } from '~/features/shell/get-current-user'
import { signOutAction } from './actions'

/** Every page in this group needs a session; the user's organization comes from the database. */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const sessionUser = await getSessionUser()
  if (!sessionUser) redirect('/sign-in')
  // A session for a user that no longer exists (e.g. the database was reset) is as good as none.
  const me = await getCurrentUser()
  if (!me) redirect('/sign-in')
  return (
    <AppShell user={{ id: me.id, name: me.name, role: me.role, organizationName: me.organization.name }} signOut={signOutAction}>
      {children}
    </AppShell>
  )
}
