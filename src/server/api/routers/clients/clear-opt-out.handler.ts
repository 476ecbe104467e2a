import { clearOptOut } from '../../../domain/safety/opt-out'
import type { OrgContext } from '../../trpc'
import type { ClearOptOutInput } from './clear-opt-out.schema'

export async function clearOptOutHandler({ ctx, input }: { ctx: OrgContext; input: ClearOptOutInput }) {
  await clearOptOut(ctx.organizationId, input.clientId, ctx.user.id, input.reason || null)
  return { cleared: true }
}
