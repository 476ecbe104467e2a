import { z } from 'zod'
import { whatsAppSettingsPatchSchema } from '~/shared/whatsapp-settings'
import { organizationIdInput } from '../clients/clients.schema'

const id = z.string().min(1).max(64)
const content = z.string().trim().min(1, 'validation.messageEmpty').max(4096, 'validation.messageTooLong')
const phone = z.string().trim().min(5).max(32)

export const sendInput = z
  .object({
    ...organizationIdInput,
    conversationId: id.optional(),
    clientId: id.optional(),
    to: phone.optional(),
    content,
    /** Honoured for server-side callers only (agents: 5, urgent: 10); browsers always send at 1. */
    priority: z.union([z.literal(1), z.literal(5), z.literal(10)]).optional(),
  })
  .refine((v) => v.conversationId || v.clientId || v.to, { message: 'validation.recipientRequired', path: ['to'] })

export const retryInput = z.object({ ...organizationIdInput, messageId: id })

export const bulkInput = z.object({
  ...organizationIdInput,
  messages: z
    .array(
      z
        .object({ to: phone.optional(), clientId: id.optional(), conversationId: id.optional(), content })
        .refine((v) => v.to || v.clientId || v.conversationId, { message: 'validation.recipientRequired' }),
    )
    .min(1)
    .max(100),
  /** The admin confirmed sending a batch larger than maxBatchSize. */
  confirmed: z.boolean().default(false),
})

export const bulkProgressInput = z.object({
  ...organizationIdInput,
  batchId: id,
  lastEventId: z.string().regex(/^\d+-\d+$/).max(40).nullish(),
})

export const settingsUpdateInput = whatsAppSettingsPatchSchema.extend({ ...organizationIdInput })
export const orgInput = z.object({ ...organizationIdInput }).optional()
