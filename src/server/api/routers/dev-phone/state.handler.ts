import { getBehaviour } from '../../../whatsapp/engines/simulator/simulator-behaviour'
import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import type { SimulatorContext } from './simulator-procedure'

/** What the simulated phone shows: linked or not, the pending QR, network, ban; and how recipients answer sends. */
export async function stateHandler({ ctx }: { ctx: SimulatorContext }) {
  const [state, behaviour] = await Promise.all([phone.getPhoneState(ctx.clientId), getBehaviour(ctx.clientId)])
  return { ...state, behaviour }
}
