import { readStatusView } from '../../../whatsapp/session-status'
import type { OrgContext } from '../../trpc'

/** The QR to scan, while one is pending. */
export async function qrHandler({ ctx }: { ctx: OrgContext }) {
  const view = await readStatusView(ctx.organizationId)
  return { qrCode: view.status === 'QR_CODE_PENDING' ? view.qrCode : null }
}
