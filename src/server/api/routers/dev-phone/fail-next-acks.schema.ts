import { z } from 'zod'
import { organizationIdInput } from '../_shared/inputs'

export const failNextAcksInput = z.object({ ...organizationIdInput, count: z.number().int().min(1).max(10) })

export type FailNextAcksInput = z.infer<typeof failNextAcksInput>
