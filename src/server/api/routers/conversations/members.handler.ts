import { listMembers } from '../../../domain/conversations/assignment'
import type { OrgContext } from '../../trpc'

/** Active members of the organization (for assigning and @mentions), with who is online. */
export function membersHandler({ ctx }: { ctx: OrgContext }) {
  return listMembers(ctx.organizationId)
}
