import { getSessionManager } from '../../../services'
import { readStatusView } from '../../../whatsapp/session-status'
import type { OrgContext } from '../../trpc'

/** Start the session: a QR (or a restored session) follows through onStatus. */
export async function connectHandler({ ctx }: { ctx: OrgContext }) {
  await getSessionManager().connect(ctx.organizationId)
  return readStatusView(ctx.organizationId)
}
