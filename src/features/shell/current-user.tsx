'use client'

import { createContext, useContext } from 'react'
import type { UserRole } from '~/shared/enums'

export interface ShellUser {
  id: string
  name: string
  role: UserRole
  organizationName: string
}

const CurrentUserContext = createContext<ShellUser | null>(null)

/** Makes the signed-in user (from the dashboard layout) available to client components below. */
export function CurrentUserProvider({ user, children }: { user: ShellUser; children: React.ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>
}

/** The signed-in user; only inside the dashboard. */
export function useCurrentUser(): ShellUser {
  const user = useContext(CurrentUserContext)
  if (!user) throw new Error('useCurrentUser outside the dashboard layout')
  return user
}
