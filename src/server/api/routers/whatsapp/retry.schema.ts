import { z } from 'zod'
import { idInput, organizationIdInput } from '../_shared/inputs'

export const retryInput = z.object({ ...organizationIdInput, messageId: idInput })

export type RetryInput = z.infer<typeof retryInput>
