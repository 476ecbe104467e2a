import { z } from 'zod'
import { organizationIdInput, paginationInput } from '../_shared/inputs'

export const conversationListInput = z.object({
  ...organizationIdInput,
  search: z.string().trim().max(100).optional(),
  ...paginationInput(30),
})

export type ConversationListInput = z.infer<typeof conversationListInput>
