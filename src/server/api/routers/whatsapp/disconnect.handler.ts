import { getSessionManager } from '../../../services'
import { readStatusView } from '../../../whatsapp/session-status'
import type { OrgContext } from '../../trpc'
import type { DisconnectInput } from './disconnect.schema'

/** Stop the session, optionally unlinking the device. */
export async function disconnectHandler({ ctx, input }: { ctx: OrgContext; input: DisconnectInput }) {
  await getSessionManager().disconnect(ctx.organizationId, { logout: input?.logout ?? false })
  return readStatusView(ctx.organizationId)
}
