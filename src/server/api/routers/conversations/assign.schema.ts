import { z } from 'zod'
import { idInput, organizationIdInput } from '../_shared/inputs'

export const assignInput = z.object({
  ...organizationIdInput,
  conversationId: idInput,
  /** A user of the same organization, or null to unassign. */
  assigneeId: idInput.nullable(),
})

export type AssignInput = z.infer<typeof assignInput>
