import { z } from 'zod'
import { idInput, organizationIdInput, phoneInput } from '../_shared/inputs'
import { messageContentInput } from './message-content'

export const sendInput = z
  .object({
    ...organizationIdInput,
    conversationId: idInput.optional(),
    clientId: idInput.optional(),
    to: phoneInput.optional(),
    content: messageContentInput,
    /** Honoured for server-side callers only (agents: 5, urgent: 10); browsers always send at 1. */
    priority: z.union([z.literal(1), z.literal(5), z.literal(10)]).optional(),
  })
  .refine((v) => v.conversationId || v.clientId || v.to, { message: 'validation.recipientRequired', path: ['to'] })

export type SendInput = z.infer<typeof sendInput>
