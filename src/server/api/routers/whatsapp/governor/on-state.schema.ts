import { z } from 'zod'
import { lastEventIdInput, organizationIdInput } from '../../_shared/inputs'

export const governorStateSubscriptionInput = z.object({ ...organizationIdInput, lastEventId: lastEventIdInput }).optional()

export type GovernorStateSubscriptionInput = z.infer<typeof governorStateSubscriptionInput>
