import { z } from 'zod'
import { idInput, organizationIdInput } from '../_shared/inputs'

export const messageListInput = z.object({
  ...organizationIdInput,
  conversationId: idInput,
  /** A message id: the page ends just before it (tRPC infinite queries call it `cursor`). */
  cursor: idInput.nullish(),
  limit: z.number().int().min(1).max(200).default(50),
})

export type MessageListInput = z.infer<typeof messageListInput>
