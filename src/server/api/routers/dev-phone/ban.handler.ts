import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import type { SimulatorContext } from './simulator-procedure'

/** WhatsApp bans the number. */
export async function banHandler({ ctx }: { ctx: SimulatorContext }) {
  await phone.banNumber(ctx.clientId, true)
  return { ok: true }
}
