import { z } from 'zod'
import { idInput, lastEventIdInput, organizationIdInput } from '../_shared/inputs'

export const conversationEventsInput = z
  .object({
    ...organizationIdInput,
    /** Only this conversation's events (default: the whole organization's). */
    conversationId: idInput.optional(),
    lastEventId: lastEventIdInput,
  })
  .optional()

export type ConversationEventsInput = z.infer<typeof conversationEventsInput>
