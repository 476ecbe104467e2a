import { assignConversation } from '../../../domain/conversations/assignment'
import type { OrgContext } from '../../trpc'
import type { AssignInput } from './assign.schema'

/** Assigns (admins: anyone of the organization; operators: themselves into an unassigned one) or unassigns. */
export function assignHandler({ ctx, input }: { ctx: OrgContext; input: AssignInput }) {
  return assignConversation(ctx.organizationId, ctx.user, input.conversationId, input.assigneeId)
}
