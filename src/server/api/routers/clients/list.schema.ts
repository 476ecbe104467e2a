import { z } from 'zod'
import { ClientStatus } from '../../../db/generated/enums'
import { organizationIdInput, paginationInput } from '../_shared/inputs'

export const clientListInput = z.object({
  ...organizationIdInput,
  search: z.string().trim().max(100).optional(),
  status: z.enum(ClientStatus).optional(),
  language: z.string().trim().min(2).max(8).optional(),
  ...paginationInput(20),
})

export type ClientListInput = z.infer<typeof clientListInput>
