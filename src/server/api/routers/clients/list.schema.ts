import { z } from 'zod'
import { ClientStatus } from '../../../db/generated/enums'
import { organizationIdInput, paginationInput, textInput } from '../_shared/inputs'

export const clientListInput = z.object({
  ...organizationIdInput,
  search: textInput(100).optional(),
  status: z.enum(ClientStatus).optional(),
  language: textInput(8, 2).optional(),
  ...paginationInput(20),
})

export type ClientListInput = z.infer<typeof clientListInput>
