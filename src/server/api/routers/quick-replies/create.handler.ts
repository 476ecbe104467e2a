import { createQuickReply } from '../../../domain/quick-replies/quick-replies'
import type { OrgContext } from '../../trpc'
import type { QuickReplyCreateInput } from './create.schema'

/** Admins add a quick reply. */
export function createHandler({ ctx, input }: { ctx: OrgContext; input: QuickReplyCreateInput }) {
  const { organizationId: _org, ...fields } = input
  return createQuickReply(ctx.organizationId, ctx.user.id, fields)
}
