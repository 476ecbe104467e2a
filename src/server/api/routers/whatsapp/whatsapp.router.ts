import { tracked } from '@trpc/server'
import { getEventBus } from '../../../events/event-bus'
import { getSessionManager } from '../../../services'
import { readStatusView } from '../../../whatsapp/session-status'
import { adminProcedure, createTRPCRouter, orgProcedure } from '../../trpc'
import { messagingProcedures } from './messaging.router'
import { whatsappSettingsRouter } from './settings.router'
import { disconnectInput, orgOnlyInput, statusSubscriptionInput } from './whatsapp.schema'

export const whatsappRouter = createTRPCRouter({
  ...messagingProcedures,
  settings: whatsappSettingsRouter,

  /** Current connection state of the caller's organization. */
  status: orgProcedure.input(orgOnlyInput).query(({ ctx }) => readStatusView(ctx.organizationId)),

  /** The QR to scan, while one is pending. */
  qr: orgProcedure.input(orgOnlyInput).query(async ({ ctx }) => {
    const view = await readStatusView(ctx.organizationId)
    return { qrCode: view.status === 'QR_CODE_PENDING' ? view.qrCode : null }
  }),

  /** Start the session: a QR (or a restored session) follows through onStatus. */
  connect: adminProcedure.input(orgOnlyInput).mutation(async ({ ctx }) => {
    await getSessionManager().connect(ctx.organizationId)
    return readStatusView(ctx.organizationId)
  }),

  disconnect: adminProcedure.input(disconnectInput).mutation(async ({ ctx, input }) => {
    await getSessionManager().disconnect(ctx.organizationId, { logout: input?.logout ?? false })
    return readStatusView(ctx.organizationId)
  }),

  /**
   * Live status and QR. The first event is the current state; each later one replaces it. Ids are the
   * event stream's, so a reconnecting browser resumes where it left off.
   */
  onStatus: orgProcedure.input(statusSubscriptionInput).subscription(async function* ({ ctx, input, signal }) {
    const bus = getEventBus()
    let after = input?.lastEventId ?? null
    if (!after) {
      after = await bus.lastId(ctx.organizationId)
      yield tracked(after, await readStatusView(ctx.organizationId))
    }
    for await (const delivered of bus.subscribe(ctx.organizationId, { types: ['whatsapp.status'], lastEventId: after, signal })) {
      yield tracked(delivered.id, delivered.event.data)
    }
  }),
})
