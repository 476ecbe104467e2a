import type { UserRole } from '~/shared/enums'
import { isAdminRole } from './roles'

/**
 * Where a signed-in user lands: admins on the dashboard (how the channel is doing), operators on their
 * inbox (their work is answering; the dashboard's team figures are the owner's view).
 */
export function landingPath(role: UserRole): '/dashboard' | '/conversations' {
  return isAdminRole(role) ? '/dashboard' : '/conversations'
}
