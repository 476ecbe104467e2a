import { deleteQuickReply } from '../../../domain/quick-replies/quick-replies'
import type { OrgContext } from '../../trpc'
import type { QuickReplyDeleteInput } from './delete.schema'

/** Admins delete a quick reply. */
export function deleteHandler({ ctx, input }: { ctx: OrgContext; input: QuickReplyDeleteInput }) {
  return deleteQuickReply(ctx.organizationId, ctx.user.id, input.id)
}
