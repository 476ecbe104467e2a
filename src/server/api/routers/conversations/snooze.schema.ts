import { z } from 'zod'
import { snoozeUntilInput } from '~/shared/conversation-assignment'
import { idInput, organizationIdInput } from '../_shared/inputs'

export const snoozeInput = z.object({ ...organizationIdInput, conversationId: idInput, until: snoozeUntilInput })

export type SnoozeInput = z.infer<typeof snoozeInput>
