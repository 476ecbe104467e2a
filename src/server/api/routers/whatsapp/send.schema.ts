import { z } from 'zod'
import { idInput, organizationIdInput, phoneInput } from '../_shared/inputs'
import { captionInput } from './message-content'

export const sendInput = z
  .object({
    ...organizationIdInput,
    conversationId: idInput.optional(),
    clientId: idInput.optional(),
    to: phoneInput.optional(),
    /** The text, or the caption of `media` (may then be empty). */
    content: captionInput,
    /** A photo or document uploaded first (POST /api/media/upload): its id and the name the customer sees. */
    media: z
      .object({ id: idInput, fileName: z.string().max(255).optional() })
      .strict()
      .optional(),
    /** Honoured for server-side callers only (agents: 5, urgent: 10); browsers always send at 1. */
    priority: z.union([z.literal(1), z.literal(5), z.literal(10)]).optional(),
  })
  .refine((v) => v.conversationId || v.clientId || v.to, { message: 'validation.recipientRequired', path: ['to'] })
  .refine((v) => v.content || v.media, { message: 'validation.messageEmpty', path: ['content'] })

export type SendInput = z.infer<typeof sendInput>
