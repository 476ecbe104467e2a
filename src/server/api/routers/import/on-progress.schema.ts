import { z } from 'zod'
import { idInput, lastEventIdInput, organizationIdInput } from '../_shared/inputs'

export const progressInput = z.object({ ...organizationIdInput, jobId: idInput.optional(), lastEventId: lastEventIdInput }).optional()

export type ProgressInput = z.infer<typeof progressInput>
