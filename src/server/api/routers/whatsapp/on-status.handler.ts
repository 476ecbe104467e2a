import { readStatusView } from '../../../whatsapp/session-status'
import type { OrgContext } from '../../trpc'
import { withQrForAdminsOnly } from '../_shared/qr-visibility'
import { streamOrgEvents } from '../_shared/stream-org-events'
import type { StatusSubscriptionInput } from './on-status.schema'

/**
 * Live status and QR (the QR only for admins). The first event is the current state; each later one replaces it. Ids are the
 * event stream's, so a reconnecting browser resumes where it left off.
 */
export async function* onStatusHandler({ ctx, input, signal }: { ctx: OrgContext; input: StatusSubscriptionInput; signal?: AbortSignal }) {
  yield* streamOrgEvents({
    organizationId: ctx.organizationId,
    userId: ctx.user.id,
    types: ['whatsapp.status'],
    lastEventId: input?.lastEventId,
    signal,
    snapshot: async () => withQrForAdminsOnly(ctx.user, await readStatusView(ctx.organizationId)),
    map: (event) => withQrForAdminsOnly(ctx.user, event.data),
  })
}
