import { setUserActive } from '../../../domain/users/user-admin'
import type { OrgContext } from '../../trpc'
import type { SetActiveInput } from './set-active.schema'

/** Deactivates or reactivates a user of the organization (admins; a lower role only; never oneself). */
export function setActiveHandler({ ctx, input }: { ctx: OrgContext; input: SetActiveInput }) {
  return setUserActive(ctx.organizationId, ctx.user, input.userId, input.active)
}
