import { listUsers } from '../../../domain/users/user-admin'
import type { OrgContext } from '../../trpc'

/** The organization's users, with whether each is deactivated (admins). */
export function listHandler({ ctx }: { ctx: OrgContext }) {
  return listUsers(ctx.organizationId)
}
