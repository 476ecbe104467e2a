import { z } from 'zod'
import { organizationIdInput } from '../../_shared/inputs'

export const governorHistoryInput = z.object({ ...organizationIdInput, limit: z.number().int().min(1).max(100).default(20) }).optional()

export type GovernorHistoryInput = z.infer<typeof governorHistoryInput>
