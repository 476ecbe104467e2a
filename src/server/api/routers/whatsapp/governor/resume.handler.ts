import { resumeGovernor } from '../../../../domain/safety/governor'
import type { OrgContext } from '../../../trpc'

/** An admin resumes bulk and agent sends: recorded with who; held messages go now. */
export async function resumeHandler({ ctx }: { ctx: OrgContext }) {
  return resumeGovernor(ctx.organizationId, ctx.user.id)
}
