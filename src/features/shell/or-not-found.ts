import { notFound } from 'next/navigation'

/** The tRPC codes of a record that is not there: missing, or an id that cannot be one. */
const notFoundCodes = new Set(['NOT_FOUND', 'BAD_REQUEST'])

/**
 * A tRPC error's code, read from its shape (name and code): TRPCError itself belongs to
 * src/server/api, and the server caller's errors are recognized without importing it.
 */
function trpcErrorCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== 'TRPCError' || !('code' in error)) return undefined
  return typeof error.code === 'string' ? error.code : undefined
}

/**
 * For server components loading one record by id from the URL: a missing record (or a malformed
 * id) renders the not-found page instead of an error.
 */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise
  } catch (error) {
    if (notFoundCodes.has(trpcErrorCode(error) ?? '')) notFound()
    throw error
  }
}
