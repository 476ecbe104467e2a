import { inboxCounts } from '../../../domain/conversations/read-state'
import type { OrgContext } from '../../trpc'

/** The navigation's badge: conversations waiting for a reply and with unread messages, and the colour thresholds. */
export function inboxCountsHandler({ ctx }: { ctx: OrgContext }) {
  return inboxCounts(ctx.organizationId, ctx.user)
}
