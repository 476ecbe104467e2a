import { bulkProgress } from '../../../domain/messages/message-events'
import { AppError } from '../../../errors'
import type { OrgContext } from '../../trpc'
import type { BulkProgressInput } from './bulk-progress.schema'

/** The counts of one batch. */
export async function bulkProgressHandler({ ctx, input }: { ctx: OrgContext; input: BulkProgressInput }) {
  const progress = await bulkProgress(ctx.organizationId, input.batchId)
  if (!progress) throw new AppError('NOT_FOUND', 'batchNotFound')
  return progress
}
