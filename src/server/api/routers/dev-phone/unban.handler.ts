import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import type { SimulatorContext } from './simulator-procedure'

export async function unbanHandler({ ctx }: { ctx: SimulatorContext }) {
  await phone.banNumber(ctx.clientId, false)
  return { ok: true }
}
