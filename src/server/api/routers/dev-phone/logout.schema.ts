import { z } from 'zod'
import { organizationIdInput } from '../_shared/inputs'

export const logoutInput = z
  .object({
    ...organizationIdInput,
    /** Which session's device the phone unlinks: the live integration (default) or the history import's. */
    target: z.enum(['integration', 'import']).default('integration'),
  })
  .optional()

export type LogoutInput = z.infer<typeof logoutInput>
