import { z } from 'zod'
import { organizationIdInput, phoneInput, textInput } from '../_shared/inputs'

export const scanInput = z
  .object({
    ...organizationIdInput,
    qr: z.string().max(1000).optional(),
    phone: phoneInput.optional(),
    pushName: textInput(60, 1).optional(),
    /** Which session's QR: the live integration (default) or the history import's. */
    target: z.enum(['integration', 'import']).default('integration'),
  })
  .optional()

export type ScanInput = z.infer<typeof scanInput>
