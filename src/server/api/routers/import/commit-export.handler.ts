import { commitExport } from '../../../import/export/export-import'
import type { OrgContext } from '../../trpc'
import type { CommitExportInput } from './commit-export.schema'

/** Imports an uploaded chat export into an existing or a new client's conversation. */
export function commitExportHandler({ ctx, input }: { ctx: OrgContext; input: CommitExportInput }) {
  return commitExport(ctx.organizationId, ctx.user.id, input)
}
