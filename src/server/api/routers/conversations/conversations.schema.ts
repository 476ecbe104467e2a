import { z } from 'zod'
import { organizationIdInput } from '../clients/clients.schema'

export const conversationListInput = z.object({
  ...organizationIdInput,
  search: z.string().trim().max(100).optional(),
  page: z.number().int().min(1).max(100000).default(1),
  pageSize: z.number().int().min(5).max(100).default(30),
})

export const conversationByIdInput = z.object({ ...organizationIdInput, conversationId: z.string().min(1).max(64) })

export const messageListInput = z.object({
  ...organizationIdInput,
  conversationId: z.string().min(1).max(64),
  /** A message id: the page ends just before it (tRPC infinite queries call it `cursor`). */
  cursor: z.string().min(1).max(64).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
})

export const conversationEventsInput = z
  .object({
    ...organizationIdInput,
    conversationId: z.string().min(1).max(64).optional(),
    lastEventId: z.string().regex(/^\d+-\d+$/).max(40).nullish(),
  })
  .optional()
