import { z } from 'zod'
import { organizationIdInput, phoneInput } from '../_shared/inputs'

/** The number of a customer who wrote hidden (from their LID) and whom WhatsApp now reveals. */
export const revealNumberInput = z.object({ ...organizationIdInput, phone: phoneInput })

export type RevealNumberInput = z.infer<typeof revealNumberInput>
