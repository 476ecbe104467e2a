import { z } from 'zod'
import { organizationIdInput, phoneInput } from '../_shared/inputs'

export const scanInput = z
  .object({
    ...organizationIdInput,
    qr: z.string().max(1000).optional(),
    phone: phoneInput.optional(),
    pushName: z.string().trim().min(1).max(60).optional(),
    /** Which session's QR: the live integration (default) or the history import's. */
    target: z.enum(['integration', 'import']).default('integration'),
  })
  .optional()

export type ScanInput = z.infer<typeof scanInput>
