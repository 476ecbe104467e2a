import { z } from 'zod'
import { organizationIdInput, paginationInput, textInput } from '../_shared/inputs'

export const conversationListInput = z.object({
  ...organizationIdInput,
  search: textInput(100).optional(),
  /** Only conversations waiting for a reply, the longest-waiting first. */
  waiting: z.boolean().optional(),
  ...paginationInput(30),
})

export type ConversationListInput = z.infer<typeof conversationListInput>
