import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import type { FailNextInput } from './fail-next-sends.schema'
import type { SimulatorContext } from './simulator-procedure'

/** The next `count` sends fail, to exercise retries. */
export async function failNextSendsHandler({ ctx, input }: { ctx: SimulatorContext; input: FailNextInput }) {
  await phone.failNextSends(ctx.clientId, input.count)
  return { ok: true }
}
