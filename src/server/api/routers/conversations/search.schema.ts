import { z } from 'zod'
import { SEARCH_MAX_CHARS, SEARCH_MIN_CHARS } from '../../../domain/conversations/inbox-search'
import { organizationIdInput, textInput } from '../_shared/inputs'

export const inboxSearchInput = z.object({
  ...organizationIdInput,
  query: textInput(SEARCH_MAX_CHARS, SEARCH_MIN_CHARS),
  limit: z.number().int().min(1).max(50).default(20),
})

export type InboxSearchInput = z.infer<typeof inboxSearchInput>
