import { readStatusView } from '../../../whatsapp/session-status'
import type { OrgContext } from '../../trpc'

/** Current connection state of the caller's organization. */
export function statusHandler({ ctx }: { ctx: OrgContext }) {
  return readStatusView(ctx.organizationId)
}
