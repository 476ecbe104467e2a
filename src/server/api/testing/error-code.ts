/** For tests that call procedures through the server caller: the tRPC error code a call ends with, or OK. */
import { TRPCError } from '@trpc/server'

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'OK'
  } catch (error) {
    return error instanceof TRPCError ? error.code : `UNEXPECTED: ${String(error)}`
  }
}
