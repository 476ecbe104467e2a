import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import type { DeleteMessageInput } from './delete-message.schema'
import type { SimulatorContext } from './simulator-procedure'

/** "Delete for everyone" on one of the simulated phone's recent messages. */
export async function deleteMessageHandler({ ctx, input }: { ctx: SimulatorContext; input: DeleteMessageInput }) {
  await phone.deleteForEveryone(ctx.clientId, input.messageId)
  return { ok: true as const }
}
