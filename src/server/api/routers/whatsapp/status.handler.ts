import { readStatusView } from '../../../whatsapp/session-status'
import type { OrgContext } from '../../trpc'
import { withQrForAdminsOnly } from '../_shared/qr-visibility'

/** Current connection state of the caller's organization (the pairing QR only for admins). */
export async function statusHandler({ ctx }: { ctx: OrgContext }) {
  return withQrForAdminsOnly(ctx.user, await readStatusView(ctx.organizationId))
}
