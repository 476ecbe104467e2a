import { redirect } from 'next/navigation'
import { getCurrentUser } from '~/features/shell/get-current-user'
import { landingPath } from '~/features/shell/landing-path'

/** The landing page after sign-in: by role (features/shell/landing-path.ts). */
export default async function Home() {
  const me = await getCurrentUser()
  redirect(me ? landingPath(me.role) : '/sign-in')
}
