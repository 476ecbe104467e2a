import { z } from 'zod'
import { organizationIdInput, phoneInput } from '../_shared/inputs'

/** Staff reply on the business phone itself: to whom, and what. */
export const replyFromPhoneInput = z.object({
  ...organizationIdInput,
  to: phoneInput,
  body: z.string().trim().min(1).max(4096),
})

export type ReplyFromPhoneInput = z.infer<typeof replyFromPhoneInput>
