import { z } from 'zod'
import { idInput, organizationIdInput, phoneInput } from '../_shared/inputs'
import { messageContentInput } from './message-content'

export const bulkInput = z.object({
  ...organizationIdInput,
  messages: z
    .array(
      z
        .object({ to: phoneInput.optional(), clientId: idInput.optional(), conversationId: idInput.optional(), content: messageContentInput })
        .refine((v) => v.to || v.clientId || v.conversationId, { message: 'validation.recipientRequired' }),
    )
    .min(1)
    .max(100),
  /** The admin confirmed sending a batch larger than maxBatchSize. */
  confirmed: z.boolean().default(false),
})

export type BulkInput = z.infer<typeof bulkInput>
