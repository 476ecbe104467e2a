import { readStatusView } from '../../../whatsapp/session-status'
import type { OrgContext } from '../../trpc'
import { streamOrgEvents } from '../_shared/stream-org-events'
import type { StatusSubscriptionInput } from './on-status.schema'

/**
 * Live status and QR. The first event is the current state; each later one replaces it. Ids are the
 * event stream's, so a reconnecting browser resumes where it left off.
 */
export async function* onStatusHandler({ ctx, input, signal }: { ctx: OrgContext; input: StatusSubscriptionInput; signal?: AbortSignal }) {
  yield* streamOrgEvents({
    organizationId: ctx.organizationId,
    types: ['whatsapp.status'],
    lastEventId: input?.lastEventId,
    signal,
    snapshot: () => readStatusView(ctx.organizationId),
    map: (event) => event.data,
  })
}
