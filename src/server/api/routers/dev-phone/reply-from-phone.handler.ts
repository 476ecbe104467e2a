import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import type { ReplyFromPhoneInput } from './reply-from-phone.schema'
import type { SimulatorContext } from './simulator-procedure'

/** The business replies from the phone: WhatsApp announces it as the account's own new message. */
export async function replyFromPhoneHandler({ ctx, input }: { ctx: SimulatorContext; input: ReplyFromPhoneInput }) {
  const message = await phone.replyFromPhone(ctx.clientId, input)
  return { id: message.id }
}
