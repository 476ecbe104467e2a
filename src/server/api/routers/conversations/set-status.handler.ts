import { setConversationStatus } from '../../../domain/conversations/conversation-status'
import type { OrgContext } from '../../trpc'
import type { SetStatusInput } from './set-status.schema'

/** Resolves or reopens a conversation. */
export function setStatusHandler({ ctx, input }: { ctx: OrgContext; input: SetStatusInput }) {
  return setConversationStatus(ctx.organizationId, ctx.user, input.conversationId, input.status)
}
