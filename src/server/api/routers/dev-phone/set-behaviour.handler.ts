import { setBehaviour } from '../../../whatsapp/engines/simulator/simulator-behaviour'
import type { BehaviourInput } from './set-behaviour.schema'
import type { SimulatorContext } from './simulator-procedure'

/** How recipients answer the next sends, in proportions: not on WhatsApp, ack −1, never delivered, blocked. */
export async function setBehaviourHandler({ ctx, input }: { ctx: SimulatorContext; input: BehaviourInput }) {
  const { organizationId: _org, ...behaviour } = input
  return setBehaviour(ctx.clientId, behaviour)
}
