/** Input pieces every area shares: the organization a call acts on, ids, phones, pages, resume ids. */
import { z } from 'zod'

/**
 * Spread into every organization-scoped input. Only a SUPER_ADMIN may name another organization;
 * orgProcedure checks it before any handler runs.
 */
export const organizationIdInput = {
  organizationId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[-_a-zA-Z0-9]+$/)
    .optional(),
}

/** The input of procedures that take nothing but the (optional) organization. */
export const orgOnlyInput = z.object({ ...organizationIdInput }).optional()
export type OrgOnlyInput = z.infer<typeof orgOnlyInput>

/** A database id (cuid, or a seeded id like `org_other`) named in an input; anything else never reaches a query. */
export const idInput = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[-_a-zA-Z0-9]+$/)

/** Text PostgreSQL can store: no NUL and no lone surrogate (text and jsonb refuse them, which would be a 500). */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !/\p{Cs}/u.test(value)
}

/** Trimmed free text (a search, a name) of at most `max` characters that PostgreSQL can store. */
export function textInput(max: number, min = 0) {
  return z.string().trim().min(min).max(max).refine(isStorableText, 'validation.unstorableText')
}

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
