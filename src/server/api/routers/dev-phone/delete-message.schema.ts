import { z } from 'zod'
import { organizationIdInput } from '../_shared/inputs'

/** A WhatsApp message id as the simulated phone knows it (`false_<chat>_<key>`). */
export const simMessageId = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^(true|false)_[^\s]+$/, 'not a WhatsApp message id')

export const deleteMessageInput = z.object({ ...organizationIdInput, messageId: simMessageId })

export type DeleteMessageInput = z.infer<typeof deleteMessageInput>
