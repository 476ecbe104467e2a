import { z } from 'zod'
import { organizationIdInput, phoneInput, textInput } from '../_shared/inputs'

export const customerMessageInput = z.object({
  ...organizationIdInput,
  from: phoneInput,
  name: textInput(60, 1).optional(),
  body: z.string().max(4096),
  type: z.enum(['text', 'image', 'video', 'audio', 'voice', 'document', 'sticker', 'location', 'contact']).default('text'),
  group: z.boolean().default(false),
  status: z.boolean().default(false),
  /** The customer hides their number: the message comes from their LID chat. */
  hidden: z.boolean().default(false),
  /** Media types: make the download fail (WhatsApp no longer has the file, the page throws) or the file too large. */
  mediaFailure: z.enum(['expired', 'error', 'too-large']).optional(),
})

export type CustomerMessageInput = z.infer<typeof customerMessageInput>
