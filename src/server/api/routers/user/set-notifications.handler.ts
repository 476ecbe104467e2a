import { setUserNotifications } from '../../../domain/users/user-service'
import type { ProtectedContext } from '../../trpc'
import type { SetNotificationsInput } from './set-notifications.schema'

/** Switches the caller's own notifications on or off (persisted on the user, so every browser follows). */
export function setNotificationsHandler({ ctx, input }: { ctx: ProtectedContext; input: SetNotificationsInput }) {
  return setUserNotifications(ctx.user.id, input.enabled)
}
