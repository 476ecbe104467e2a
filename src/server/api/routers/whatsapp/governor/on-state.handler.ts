import { readGovernorState } from '../../../../domain/safety/governor'
import type { OrgContext } from '../../../trpc'
import { streamOrgEvents } from '../../_shared/stream-org-events'
import type { GovernorStateSubscriptionInput } from './on-state.schema'

/** Live pause state: the current one first, then each pause and resume as it happens (resumable by event id). */
export async function* onStateHandler({ ctx, input, signal }: { ctx: OrgContext; input: GovernorStateSubscriptionInput; signal?: AbortSignal }) {
  yield* streamOrgEvents({
    organizationId: ctx.organizationId,
    userId: ctx.user.id,
    types: ['governor.state'],
    lastEventId: input?.lastEventId,
    signal,
    snapshot: () => readGovernorState(ctx.organizationId),
    map: (event) => event.data,
  })
}
