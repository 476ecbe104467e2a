import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import { createWhatsAppClientConfig } from '../../../whatsapp/phone'
import type { ScanInput } from './scan.schema'
import type { SimulatorContext } from './simulator-procedure'

/** The phone scans the pending QR of the live session or of the history import's session. */
export async function scanHandler({ ctx, input }: { ctx: SimulatorContext; input: ScanInput }) {
  const clientId = createWhatsAppClientConfig(ctx.organizationId, input?.target ?? 'integration').clientId
  await phone.scanQr(clientId, { qr: input?.qr, phone: input?.phone, pushName: input?.pushName })
  return { ok: true }
}
