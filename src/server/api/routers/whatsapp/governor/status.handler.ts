import { governorStatus } from '../../../../domain/safety/governor'
import type { OrgContext } from '../../../trpc'

/** Whether bulk and agent sends are paused (why, with the figures), the current window's figures and the rule. */
export async function statusHandler({ ctx }: { ctx: OrgContext }) {
  return governorStatus(ctx.organizationId)
}
