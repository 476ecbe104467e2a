import { z } from 'zod'
import { PHONE_INPUT_MAX } from '~/shared/phone-number'
import { idInput, organizationIdInput, textInput } from '../_shared/inputs'

/** A new chat: with a client of the organization, or with a phone number (and the new client's name). */
export const startInput = z
  .object({
    ...organizationIdInput,
    clientId: idInput.optional(),
    /** As typed; the domain reads it (shared/phone-number.ts) and says why when it is not a number. */
    phone: z.string().max(PHONE_INPUT_MAX).optional(),
    name: textInput(100).optional(),
  })
  .refine((v) => (v.clientId === undefined) !== (v.phone === undefined), { message: 'validation.recipientRequired', path: ['phone'] })

export type StartInput = z.infer<typeof startInput>
