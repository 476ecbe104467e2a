import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import type { SimulatorContext } from './simulator-procedure'

/** Nobody scans: the QR gives up now (QR_EXPIRED), as after whatsapp-web.js's qrMaxRetries. */
export async function expireQrHandler({ ctx }: { ctx: SimulatorContext }) {
  await phone.expireQr(ctx.clientId)
  return { ok: true }
}
