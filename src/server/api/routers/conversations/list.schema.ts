import { z } from 'zod'
import { organizationIdInput, paginationInput, textInput } from '../_shared/inputs'

export const conversationListInput = z.object({
  ...organizationIdInput,
  search: textInput(100).optional(),
  ...paginationInput(30),
})

export type ConversationListInput = z.infer<typeof conversationListInput>
