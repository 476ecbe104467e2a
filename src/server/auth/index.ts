/**
 * next-auth (v5) with email + password. The session is a JWT that only names the user (`sub`) and the
 * sign-in (`sid`); role, organization and whether the user may still sign in at all come from the
 * database on every request (current-user.ts). Signing out revokes the session server-side
 * (session-revocation.ts). Pages check the session in the dashboard layout; tRPC in its procedures.
 */
import { randomUUID } from 'node:crypto'
import NextAuth, { type DefaultSession } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { logger } from '../logger'
import { authorizeCredentials } from './authorize'
import { currentUser } from './current-user'
import { isSessionRevoked, revokeSession, SESSION_MAX_AGE_SECONDS } from './session-revocation'
import type { SessionUser } from './session-user'

declare module 'next-auth' {
  interface Session {
    user: { id: string } & DefaultSession['user']
    /** The sign-in this session belongs to (the token's `sid`). */
    sessionId?: string
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/sign-in' },
  // next-auth's own logger prints a stack trace for every refused sign-in: ours logs those already (auth.failed).
  logger: {
    error(error) {
      // By type, not name: class names do not survive the production build's minifier.
      if ((error as Error & { type?: string }).type === 'CredentialsSignin') return
      logger.error({ err: error, event: 'auth.error' }, 'auth error')
    },
    warn(code) {
      logger.warn({ code, event: 'auth.warning' }, 'auth warning')
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: async (credentials, request) => authorizeCredentials(credentials, request),
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        // A fresh sign-in: the token names the user and this sign-in, nothing the database can change.
        return { sub: user.id, name: user.name, email: user.email, sid: randomUUID() }
      }
      // Tokens from before sessions had ids cannot be revoked: they end here. A revoked one is never re-signed.
      if (typeof token.sid !== 'string' || (await isSessionRevoked(token.sid))) return null
      return token
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.sub ?? '' }
      session.sessionId = typeof token.sid === 'string' ? token.sid : undefined
      return session
    },
  },
  events: {
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined
      if (typeof sid !== 'string') return
      try {
        await revokeSession(sid)
        logger.info({ userId: 'token' in message ? message.token?.sub : undefined, event: 'auth.signed_out' }, 'signed out; session revoked')
      } catch (err) {
        logger.error({ err: (err as Error).message, event: 'auth.revoke_failed' }, 'sign-out could not revoke the session (redis unavailable)')
      }
    },
  },
})

/** The signed-in user as the database says now (cached briefly), or null when signed out, revoked, deleted or deactivated. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await auth()
  if (!session?.user?.id || !session.sessionId) return null
  return currentUser(session.user.id, session.sessionId)
}
