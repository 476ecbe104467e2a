import { readStatusView } from '../../../whatsapp/session-status'
import type { OrgContext } from '../../trpc'
import { canSeePairingQr } from '../_shared/qr-visibility'

/** The QR to scan, while one is pending (admins only; operators get null). */
export async function qrHandler({ ctx }: { ctx: OrgContext }) {
  if (!canSeePairingQr(ctx.user)) return { qrCode: null }
  const view = await readStatusView(ctx.organizationId)
  return { qrCode: view.status === 'QR_CODE_PENDING' ? view.qrCode : null }
}
