import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import type { CustomerMessageInput } from './send-as-customer.schema'
import type { SimulatorContext } from './simulator-procedure'

/** A customer writes to the business: the message arrives as a real incoming one would. */
export async function sendAsCustomerHandler({ ctx, input }: { ctx: SimulatorContext; input: CustomerMessageInput }) {
  const message = await phone.sendAsCustomer(ctx.clientId, input)
  return { id: message.id, from: message.from }
}
