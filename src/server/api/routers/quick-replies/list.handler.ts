import { listQuickReplies } from '../../../domain/quick-replies/quick-replies'
import type { OrgContext } from '../../trpc'
import type { QuickReplyListInput } from './list.schema'

/** Any member: operators pick from them in the composer. */
export function listHandler({ ctx, input }: { ctx: OrgContext; input: QuickReplyListInput }) {
  return listQuickReplies(ctx.organizationId, ctx.user, input?.conversationId)
}
