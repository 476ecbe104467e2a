import { z } from 'zod'
import { CONVERSATION_STATUSES, CONVERSATION_VIEWS } from '~/shared/conversation-assignment'
import { organizationIdInput, paginationInput, textInput } from '../_shared/inputs'

export const conversationListInput = z.object({
  ...organizationIdInput,
  search: textInput(100).optional(),
  /** issue 13: Mine, Unassigned, Waiting, All (default) and open (default), resolved or snoozed. */
  view: z.enum(CONVERSATION_VIEWS).optional(),
  status: z.enum(CONVERSATION_STATUSES).optional(),
  ...paginationInput(30),
})

export type ConversationListInput = z.infer<typeof conversationListInput>
