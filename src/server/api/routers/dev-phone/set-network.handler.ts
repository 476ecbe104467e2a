import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import type { NetworkInput } from './set-network.schema'
import type { SimulatorContext } from './simulator-procedure'

/** Takes the phone's network down or brings it back. */
export async function setNetworkHandler({ ctx, input }: { ctx: SimulatorContext; input: NetworkInput }) {
  await phone.setNetwork(ctx.clientId, input.up)
  return { ok: true }
}
