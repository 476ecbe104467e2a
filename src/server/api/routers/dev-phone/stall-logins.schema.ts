import { z } from 'zod'
import { organizationIdInput } from '../_shared/inputs'

/** 0 clears it. */
export const stallLoginsInput = z.object({ ...organizationIdInput, count: z.number().int().min(0).max(5) })

export type StallLoginsInput = z.infer<typeof stallLoginsInput>
