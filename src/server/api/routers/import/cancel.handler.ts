import { cancelHistoryImport } from '../../../import/history/history-import'
import type { OrgContext } from '../../trpc'
import type { JobInput } from './cancel.schema'

export function cancelHandler({ ctx, input }: { ctx: OrgContext; input: JobInput }) {
  return cancelHistoryImport(ctx.organizationId, input.jobId)
}
