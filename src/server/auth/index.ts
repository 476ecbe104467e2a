/**
 * next-auth (v5) with email + password. Sessions are JWTs carrying id, role, organization and locale.
 * Pages check the session in the dashboard layout; tRPC checks it in its procedures.
 */
import NextAuth, { type DefaultSession } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import type { UserRole } from '../db/generated/enums'
import { authorizeCredentials } from './authorize'
import type { SessionUser } from './session-user'

declare module 'next-auth' {
  interface Session {
    user: SessionUser & DefaultSession['user']
  }
  interface User {
    role?: UserRole
    organizationId?: string
    locale?: string | null
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 3600 },
  pages: { signIn: '/sign-in' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: async (credentials) => authorizeCredentials(credentials),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id
        token.role = user.role
        token.organizationId = user.organizationId
        token.locale = user.locale ?? null
      }
      return token
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.sub ?? '',
        email: session.user?.email ?? '',
        name: session.user?.name ?? '',
        role: token.role as UserRole,
        organizationId: token.organizationId as string,
        locale: (token.locale as string | null) ?? null,
      }
      return session
    },
  },
})

/** The signed-in user, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await auth()
  if (!session?.user?.id || !session.user.organizationId) return null
  return session.user
}
