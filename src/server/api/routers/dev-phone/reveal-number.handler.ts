import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import type { RevealNumberInput } from './reveal-number.schema'
import type { SimulatorContext } from './simulator-procedure'

/** WhatsApp now tells the business the number behind a hidden customer's LID. */
export async function revealNumberHandler({ ctx, input }: { ctx: SimulatorContext; input: RevealNumberInput }) {
  const lid = await phone.revealNumber(ctx.clientId, input.phone)
  return { lid }
}
