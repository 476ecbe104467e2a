import { z } from 'zod'
import { organizationIdInput } from '../_shared/inputs'

export const failNextInput = z.object({ ...organizationIdInput, count: z.number().int().min(1).max(10) })

export type FailNextInput = z.infer<typeof failNextInput>
