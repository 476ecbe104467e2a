import { previewExport } from '../../../import/export/export-import'
import type { OrgContext } from '../../trpc'
import type { UploadInput } from './preview-export.schema'

/** What an uploaded chat export holds, before anything is written. */
export function previewExportHandler({ ctx, input }: { ctx: OrgContext; input: UploadInput }) {
  return previewExport(ctx.organizationId, input)
}
