/**
 * Domain errors. Services throw AppError with a code and an i18n key (from messages/*.json, namespace
 * `errors`); only the tRPC layer turns them into TRPCErrors, and the key is translated there.
 */
export type AppErrorCode =
  'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'PRECONDITION_FAILED' | 'UNAVAILABLE' | 'INTERNAL'

export type AppErrorParams = Record<string, string | number | Date>

export class AppError extends Error {
  readonly code: AppErrorCode
  /** Key under `errors.` in messages/*.json. */
  readonly messageKey: string
  readonly params: AppErrorParams
  /** Structured extras the client may use (e.g. remaining quota). Never secrets. */
  readonly details: Record<string, unknown> | undefined

  constructor(code: AppErrorCode, messageKey: string, params: AppErrorParams = {}, details?: Record<string, unknown>) {
    super(`${code}: ${messageKey}`)
    this.name = 'AppError'
    this.code = code
    this.messageKey = messageKey
    this.params = params
    this.details = details
  }
}

/** A readable message for anything thrown (Errors, strings, other values) for logs and stored errors. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error) ?? String(error)
  } catch {
    return Object.prototype.toString.call(error)
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}

export const notFound = (what = 'notFound') => new AppError('NOT_FOUND', what)
export const forbidden = (what = 'forbidden') => new AppError('FORBIDDEN', what)
