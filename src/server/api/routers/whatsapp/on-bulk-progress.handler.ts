import type { OrgContext } from '../../trpc'
import { streamOrgEvents } from '../_shared/stream-org-events'
import { bulkProgressHandler } from './bulk-progress.handler'
import type { BulkProgressInput } from './bulk-progress.schema'

/** Live progress of one batch: the current counts first, then every change. */
export async function* onBulkProgressHandler({ ctx, input, signal }: { ctx: OrgContext; input: BulkProgressInput; signal?: AbortSignal }) {
  yield* streamOrgEvents({
    organizationId: ctx.organizationId,
    userId: ctx.user.id,
    types: ['bulk.progress'],
    lastEventId: input.lastEventId,
    signal,
    snapshot: () => bulkProgressHandler({ ctx, input }),
    filter: (event) => event.data.batchId === input.batchId,
    map: (event) => event.data,
  })
}
