import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import type { EditMessageInput } from './edit-message.schema'
import type { SimulatorContext } from './simulator-procedure'

/** Edits the text of one of the simulated phone's recent messages. */
export async function editMessageHandler({ ctx, input }: { ctx: SimulatorContext; input: EditMessageInput }) {
  await phone.editMessage(ctx.clientId, input.messageId, input.body)
  return { ok: true as const }
}
