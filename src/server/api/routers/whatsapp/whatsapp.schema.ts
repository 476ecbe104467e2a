import { z } from 'zod'
import { organizationIdInput } from '../clients/clients.schema'

export const orgOnlyInput = z.object({ ...organizationIdInput }).optional()

export const disconnectInput = z
  .object({
    ...organizationIdInput,
    /** Also unlink the device on the phone (a new QR will be needed). */
    logout: z.boolean().default(false),
  })
  .optional()

export const statusSubscriptionInput = z
  .object({
    ...organizationIdInput,
    /** Set by the client on reconnect (tracked ids): resume after this event. */
    lastEventId: z.string().regex(/^\d+-\d+$/).max(40).nullish(),
  })
  .optional()
