import { z } from 'zod'
import { lastEventIdInput, organizationIdInput } from '../_shared/inputs'

export const statusSubscriptionInput = z.object({ ...organizationIdInput, lastEventId: lastEventIdInput }).optional()

export type StatusSubscriptionInput = z.infer<typeof statusSubscriptionInput>
