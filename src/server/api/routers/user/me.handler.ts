import { getMe } from '../../../domain/users/user-service'
import type { ProtectedContext } from '../../trpc'

/** The signed-in user with their organization. */
export function meHandler({ ctx }: { ctx: ProtectedContext }) {
  return getMe(ctx.user.id)
}
