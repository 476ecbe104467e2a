import { previewBulk } from '../../../domain/messages/bulk-preview'
import type { OrgContext } from '../../trpc'
import type { PreviewBulkInput } from './preview-bulk.schema'

/**
 * Before a bulk is confirmed: who would be left out and why, whether it fits today's quota and when it
 * should finish. A mutation only because its input (up to 100 texts) is too large for a GET; it writes nothing.
 */
export async function previewBulkHandler({ ctx, input }: { ctx: OrgContext; input: PreviewBulkInput }) {
  return previewBulk(ctx.organizationId, input.messages)
}
