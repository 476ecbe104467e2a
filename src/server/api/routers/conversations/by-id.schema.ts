import { z } from 'zod'
import { idInput, organizationIdInput } from '../_shared/inputs'

export const conversationByIdInput = z.object({ ...organizationIdInput, conversationId: idInput })

export type ConversationByIdInput = z.infer<typeof conversationByIdInput>
