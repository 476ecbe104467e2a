import { z } from 'zod'
import { idInput, organizationIdInput } from '../_shared/inputs'

export const setActiveInput = z.object({ ...organizationIdInput, userId: idInput, active: z.boolean() })

export type SetActiveInput = z.infer<typeof setActiveInput>
