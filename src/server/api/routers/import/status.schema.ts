import { z } from 'zod'
import { idInput, organizationIdInput } from '../_shared/inputs'

export const statusInput = z.object({ ...organizationIdInput, jobId: idInput.optional() }).optional()

export type StatusInput = z.infer<typeof statusInput>
