/**
 * /dev/phone: QA plays the business's phone and its customers against the simulator engine.
 * Present only when WHATSAPP_ENGINE=simulator; scoped to the caller's organization like everything else.
 */
import { AppError } from '../../../errors'
import { whatsappEngineKind } from '../../../services'
import * as phone from '../../../whatsapp/engines/simulator/simulator-control'
import { createWhatsAppClientConfig } from '../../../whatsapp/phone'
import { createTRPCRouter, orgProcedure } from '../../trpc'
import { customerMessageInput, failNextInput, networkInput, orgOnly, scanInput } from './dev-phone.schema'

const simulatorProcedure = orgProcedure.use(({ ctx, next }) => {
  if (whatsappEngineKind() !== 'simulator') throw new AppError('NOT_FOUND', 'simulatorOnly')
  return next({ ctx: { ...ctx, clientId: createWhatsAppClientConfig(ctx.organizationId, 'integration').clientId } })
})

export const devPhoneRouter = createTRPCRouter({
  state: simulatorProcedure.input(orgOnly).query(({ ctx }) => phone.getPhoneState(ctx.clientId)),
  scan: simulatorProcedure.input(scanInput).mutation(async ({ ctx, input }) => {
    const clientId = createWhatsAppClientConfig(ctx.organizationId, input?.target ?? 'integration').clientId
    await phone.scanQr(clientId, { qr: input?.qr, phone: input?.phone, pushName: input?.pushName })
    return { ok: true }
  }),
  sendAsCustomer: simulatorProcedure.input(customerMessageInput).mutation(async ({ ctx, input }) => {
    const message = await phone.sendAsCustomer(ctx.clientId, input)
    return { id: message.id }
  }),
  logout: simulatorProcedure.input(orgOnly).mutation(async ({ ctx }) => {
    await phone.logoutFromPhone(ctx.clientId)
    return { ok: true }
  }),
  ban: simulatorProcedure.input(orgOnly).mutation(async ({ ctx }) => {
    await phone.banNumber(ctx.clientId, true)
    return { ok: true }
  }),
  unban: simulatorProcedure.input(orgOnly).mutation(async ({ ctx }) => {
    await phone.banNumber(ctx.clientId, false)
    return { ok: true }
  }),
  setNetwork: simulatorProcedure.input(networkInput).mutation(async ({ ctx, input }) => {
    await phone.setNetwork(ctx.clientId, input.up)
    return { ok: true }
  }),
  failNextSends: simulatorProcedure.input(failNextInput).mutation(async ({ ctx, input }) => {
    await phone.failNextSends(ctx.clientId, input.count)
    return { ok: true }
  }),
})
