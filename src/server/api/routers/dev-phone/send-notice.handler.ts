import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import type { NoticeInput } from './send-notice.schema'
import type { SimulatorContext } from './simulator-procedure'

/** A system notice in a customer's chat (the CRM must ignore it). */
export async function sendNoticeHandler({ ctx, input }: { ctx: SimulatorContext; input: NoticeInput }) {
  await phone.sendNotice(ctx.clientId, { from: input.from, kind: input.kind })
  return { ok: true }
}
