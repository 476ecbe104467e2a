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
  return next({ ctx: { ...ctx, clientId: createWhatsAppClientConfig(ctx.organizationId, 'integration').clientId } })
})

export type SimulatorContext = OrgContext & { clientId: string }
