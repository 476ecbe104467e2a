/**
 * /dev/phone: QA plays the business's phone and its customers against the simulator engine.
 * Present only when WHATSAPP_ENGINE=simulator; scoped to the caller's organization like everything else.
 */
import { AppError } from '../../../errors'
import { whatsappEngineKind } from '../../../services'
import { createWhatsAppClientConfig } from '../../../whatsapp/phone'
import { orgProcedure, type OrgContext } from '../../trpc'

/** Org-scoped, simulator only; `ctx.clientId` is the organization's live simulated phone. */
export const simulatorProcedure = orgProcedure.use(({ ctx, next }) => {
  if (whatsappEngineKind() !== 'simulator') throw new AppError('NOT_FOUND', 'simulatorOnly')
  // A super admin may name any organization; one no WhatsApp client could have is simply not there.
  if (!/^[-_a-zA-Z0-9]+$/.test(ctx.organizationId)) throw new AppError('NOT_FOUND', 'notFound')
  return next({ ctx: { ...ctx, clientId: createWhatsAppClientConfig(ctx.organizationId, 'integration').clientId } })
})

/**
 * Business-side actions (scanning the pairing QR, logging out, bans, the network, failure injection):
 * admins only, as on the real phone an operator must not link or unlink the business number.
 */
export const simulatorAdminProcedure = simulatorProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'ADMIN' && ctx.user.role !== 'SUPER_ADMIN') throw new AppError('FORBIDDEN', 'simulatorAdminOnly')
  return next()
})

export type SimulatorContext = OrgContext & { clientId: string }
