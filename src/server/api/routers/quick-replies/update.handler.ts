import { updateQuickReply } from '../../../domain/quick-replies/quick-replies'
import type { OrgContext } from '../../trpc'
import type { QuickReplyUpdateInput } from './update.schema'

/** Admins change a quick reply. */
export function updateHandler({ ctx, input }: { ctx: OrgContext; input: QuickReplyUpdateInput }) {
  const { organizationId: _org, id, ...fields } = input
  return updateQuickReply(ctx.organizationId, ctx.user.id, id, fields)
}
