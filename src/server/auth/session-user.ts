import type { UserRole } from '../db/generated/enums'

/** The signed-in user: who the session's token names, with role and organization read from the database. No secrets. */
export interface SessionUser {
  id: string
  email: string
  name: string
  role: UserRole
  organizationId: string
  locale: string | null
  /** The session's id (the token's `sid`), when the user came through a browser session: for re-checks and revocation. */
  sessionId?: string
}
