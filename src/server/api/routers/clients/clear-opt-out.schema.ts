import { z } from 'zod'
import { idInput, organizationIdInput } from '../_shared/inputs'

/** An admin clears a client's opt-out (the customer asked to be written to again); the reason goes to the client's history. */
export const clearOptOutInput = z.object({ ...organizationIdInput, clientId: idInput, reason: z.string().trim().max(500).optional() })

export type ClearOptOutInput = z.infer<typeof clearOptOutInput>
