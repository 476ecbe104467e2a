import type { z } from 'zod'
import { assignmentSettingsPatchSchema } from '~/shared/conversation-assignment'
import { organizationIdInput } from '../_shared/inputs'

export const assignmentSettingsUpdateInput = assignmentSettingsPatchSchema.extend({ ...organizationIdInput })

export type AssignmentSettingsUpdateInput = z.infer<typeof assignmentSettingsUpdateInput>
