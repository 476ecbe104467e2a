import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import { createWhatsAppClientConfig } from '../../../whatsapp/phone'
import type { LogoutInput } from './logout.schema'
import type { SimulatorContext } from './simulator-procedure'

/** The device is unlinked from the phone's side (the live session's, or the history import's). */
export async function logoutHandler({ ctx, input }: { ctx: SimulatorContext; input: LogoutInput }) {
  await phone.logoutFromPhone(createWhatsAppClientConfig(ctx.organizationId, input?.target ?? 'integration').clientId)
  return { ok: true }
}
