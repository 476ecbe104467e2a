import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import type { SimulatorContext } from './simulator-procedure'

/** What the simulated phone shows: linked or not, the pending QR, network, ban. */
export function stateHandler({ ctx }: { ctx: SimulatorContext }) {
  return phone.getPhoneState(ctx.clientId)
}
