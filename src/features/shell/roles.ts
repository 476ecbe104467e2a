import type { UserRole } from '~/shared/enums'

/** Admins manage the WhatsApp connection, limits and bulk sends; operators chat. (Usable on server and client.) */
export function isAdminRole(role: UserRole): boolean {
  return role === 'ADMIN' || role === 'SUPER_ADMIN'
}
