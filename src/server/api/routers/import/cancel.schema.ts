import { z } from 'zod'
import { idInput, organizationIdInput } from '../_shared/inputs'

export const jobInput = z.object({ ...organizationIdInput, jobId: idInput })

export type JobInput = z.infer<typeof jobInput>
