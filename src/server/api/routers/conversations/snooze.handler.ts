import { snoozeConversation } from '../../../domain/conversations/conversation-status'
import type { OrgContext } from '../../trpc'
import type { SnoozeInput } from './snooze.schema'

/** Hides a conversation until a time; it reopens then (or when the customer writes). */
export function snoozeHandler({ ctx, input }: { ctx: OrgContext; input: SnoozeInput }) {
  return snoozeConversation(ctx.organizationId, ctx.user, input.conversationId, input.until)
}
