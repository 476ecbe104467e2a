import { getAssignmentSettings, updateAssignmentSettings } from '../../../domain/settings/assignment-settings'
import type { OrgContext } from '../../trpc'
import type { AssignmentSettingsUpdateInput } from './assignment-settings.schema'

/** How new conversations are distributed, and whether operators see only their own. */
export function getAssignmentSettingsHandler({ ctx }: { ctx: OrgContext }) {
  return getAssignmentSettings(ctx.organizationId)
}

/** Admins change the assignment settings. */
export function updateAssignmentSettingsHandler({ ctx, input }: { ctx: OrgContext; input: AssignmentSettingsUpdateInput }) {
  const { organizationId: _org, ...patch } = input
  return updateAssignmentSettings(ctx.organizationId, patch)
}
