/** Input pieces every area shares: the organization a call acts on, ids, phones, pages, resume ids. */
import { z } from 'zod'

/**
 * Spread into every organization-scoped input. Only a SUPER_ADMIN may name another organization;
 * orgProcedure checks it before any handler runs.
 */
export const organizationIdInput = { organizationId: z.string().min(1).max(64).optional() }

/** The input of procedures that take nothing but the (optional) organization. */
export const orgOnlyInput = z.object({ ...organizationIdInput }).optional()
export type OrgOnlyInput = z.infer<typeof orgOnlyInput>

/** A database id (cuid) named in an input. */
export const idInput = z.string().min(1).max(64)

/** A phone number as typed by a person; the domain normalizes and validates it. */
export const phoneInput = z.string().trim().min(5).max(32)

/** Set by the client on reconnect (tRPC tracked ids are event stream ids): resume after this event. */
export const lastEventIdInput = z
  .string()
  .regex(/^\d+-\d+$/)
  .max(40)
  .nullish()

/** Page number and size of a paged list; lists differ only in their default page size. */
export function paginationInput(defaultPageSize: number) {
  return {
    page: z.number().int().min(1).max(100000).default(1),
    pageSize: z.number().int().min(5).max(100).default(defaultPageSize),
  }
}
