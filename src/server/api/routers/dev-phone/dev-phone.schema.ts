import { z } from 'zod'
import { organizationIdInput } from '../clients/clients.schema'

const phone = z.string().trim().min(5).max(32)

export const scanInput = z
  .object({
    ...organizationIdInput,
    qr: z.string().max(1000).optional(),
    phone: phone.optional(),
    pushName: z.string().trim().min(1).max(60).optional(),
    /** Which session's QR: the live integration (default) or the history import's. */
    target: z.enum(['integration', 'import']).default('integration'),
  })
  .optional()

export const customerMessageInput = z.object({
  ...organizationIdInput,
  from: phone,
  name: z.string().trim().min(1).max(60).optional(),
  body: z.string().max(4096),
  type: z.enum(['text', 'image', 'video', 'audio', 'voice', 'document', 'sticker', 'location', 'contact']).default('text'),
  group: z.boolean().default(false),
  status: z.boolean().default(false),
})

export const networkInput = z.object({ ...organizationIdInput, up: z.boolean() })
export const failNextInput = z.object({ ...organizationIdInput, count: z.number().int().min(1).max(10) })
export const orgOnly = z.object({ ...organizationIdInput }).optional()
