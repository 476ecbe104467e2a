import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import type { SimulatorContext } from './simulator-procedure'

/** The device is unlinked from the phone's side. */
export async function logoutHandler({ ctx }: { ctx: SimulatorContext }) {
  await phone.logoutFromPhone(ctx.clientId)
  return { ok: true }
}
