import type { UserRole } from '../db/generated/enums'

/** What a signed-in session carries. Built from the JWT; no secrets. */
export interface SessionUser {
  id: string
  email: string
  name: string
  role: UserRole
  organizationId: string
  locale: string | null
}
