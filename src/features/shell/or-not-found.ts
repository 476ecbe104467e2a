import { TRPCError } from '@trpc/server'
import { notFound } from 'next/navigation'

/**
 * For server components loading one record by id from the URL: a missing record (or a malformed
 * id) renders the not-found page instead of an error.
 */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound()
    throw error
  }
}
