import { z } from 'zod'
import { organizationIdInput } from '../_shared/inputs'

export const disconnectInput = z
  .object({
    ...organizationIdInput,
    /** Also unlink the device on the phone (a new QR will be needed). */
    logout: z.boolean().default(false),
  })
  .optional()

export type DisconnectInput = z.infer<typeof disconnectInput>
