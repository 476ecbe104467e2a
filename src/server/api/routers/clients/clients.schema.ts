import { z } from 'zod'
import { ClientStatus } from '../../../db/generated/enums'

export const organizationIdInput = { organizationId: z.string().min(1).max(64).optional() }

export const clientListInput = z.object({
  ...organizationIdInput,
  search: z.string().trim().max(100).optional(),
  status: z.enum(ClientStatus).optional(),
  language: z.string().trim().min(2).max(8).optional(),
  page: z.number().int().min(1).max(100000).default(1),
  pageSize: z.number().int().min(5).max(100).default(20),
})

export const clientByIdInput = z.object({ ...organizationIdInput, clientId: z.string().min(1).max(64) })
