import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import type { StallLoginsInput } from './stall-logins.schema'
import type { SimulatorContext } from './simulator-procedure'

/** The next `count` logins link the phone but never become ready (a stalled login). */
export async function stallLoginsHandler({ ctx, input }: { ctx: SimulatorContext; input: StallLoginsInput }) {
  await phone.stallNextLogins(ctx.clientId, input.count)
  return { ok: true }
}
