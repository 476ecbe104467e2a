import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import type { FailNextAcksInput } from './fail-next-acks.schema'
import type { SimulatorContext } from './simulator-procedure'

/** WhatsApp acks the next `count` sends with −1: they fail after being taken (the UI offers Retry). */
export async function failNextAcksHandler({ ctx, input }: { ctx: SimulatorContext; input: FailNextAcksInput }) {
  await phone.failNextAcks(ctx.clientId, input.count)
  return { ok: true }
}
