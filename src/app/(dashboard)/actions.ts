'use server'

import { signOut } from '~/server/auth'

/** Ends the session; handed to the shell's sign-out button by the dashboard layout. */
export async function signOutAction() {
  await signOut({ redirectTo: '/sign-in' })
}
