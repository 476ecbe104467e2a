import { governorHistory } from '../../../../domain/safety/governor'
import type { OrgContext } from '../../../trpc'
import type { GovernorHistoryInput } from './history.schema'

/** The organization's pauses and resumes, newest first: who (null = the system), why, the figures, when. */
export async function historyHandler({ ctx, input }: { ctx: OrgContext; input: GovernorHistoryInput }) {
  return governorHistory(ctx.organizationId, input?.limit ?? 20)
}
