import { z } from 'zod'
import { organizationIdInput } from '../_shared/inputs'

export const networkInput = z.object({ ...organizationIdInput, up: z.boolean() })

export type NetworkInput = z.infer<typeof networkInput>
