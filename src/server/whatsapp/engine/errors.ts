/** Errors engines raise, with a code the session manager maps to a status and a localized message. */
export type EngineErrorCode =
  | 'BROWSER_LAUNCH_FAILED'
  | 'WHATSAPP_UNREACHABLE'
  | 'NOT_CONNECTED'
  | 'BANNED'
  | 'INVALID_RECIPIENT'
  | 'SEND_FAILED'
  | 'AUTH_FAILED'
  | 'TIMEOUT'
  | 'LOGIN_STALLED'
  | 'UNKNOWN'

export class EngineError extends Error {
  readonly code: EngineErrorCode
  /** A retry may help (network) or not (banned, invalid number). */
  readonly retryable: boolean

  constructor(code: EngineErrorCode, message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.name = 'EngineError'
    this.code = code
    this.retryable = options.retryable ?? (code === 'WHATSAPP_UNREACHABLE' || code === 'TIMEOUT' || code === 'SEND_FAILED')
  }
}

export function isEngineError(error: unknown): error is EngineError {
  return error instanceof EngineError
}
