import { z } from 'zod'
import { idInput, organizationIdInput } from '../_shared/inputs'

export const setStatusInput = z.object({ ...organizationIdInput, conversationId: idInput, status: z.enum(['OPEN', 'RESOLVED']) })

export type SetStatusInput = z.infer<typeof setStatusInput>
