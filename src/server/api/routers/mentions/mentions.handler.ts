import { listMentions, markMentionsRead } from '../../../domain/conversations/notes'
import type { OrgContext } from '../../trpc'
import type { MarkMentionsReadInput } from './mentions.schema'

/** The caller's mentions, newest first, with the unread count. */
export function listMentionsHandler({ ctx }: { ctx: OrgContext }) {
  return listMentions(ctx.organizationId, ctx.user.id)
}

export function markMentionsReadHandler({ ctx, input }: { ctx: OrgContext; input: MarkMentionsReadInput }) {
  return markMentionsRead(ctx.organizationId, ctx.user.id, input?.conversationId)
}
