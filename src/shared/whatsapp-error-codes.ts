/**
 * The codes a WhatsApp connection reports to admins (WhatsAppSession.errorCode), each explained in
 * plain words under whatsapp.errors in messages/*.json. Shared so the server sets and the browser
 * explains the same list.
 */
export const WHATSAPP_ERROR_CODES = [
  'LOGGED_OUT',
  'QR_EXPIRED',
  'BANNED',
  'NETWORK',
  'CONFLICT',
  'MAX_RECONNECT',
  'BROWSER_LAUNCH_FAILED',
  'WHATSAPP_UNREACHABLE',
  'NOT_CONNECTED',
  'AUTH_FAILED',
  'TIMEOUT',
  'DEPRECATED_VERSION',
  'LOGIN_STALLED',
  'SERVER_STOPPED',
  'SERVER_NOT_RUNNING',
  'UNKNOWN',
] as const

export type WhatsAppErrorCode = (typeof WHATSAPP_ERROR_CODES)[number]

const known: ReadonlySet<string> = new Set(WHATSAPP_ERROR_CODES)

/** Whether a stored code is one the UI can explain (anything else is shown as UNKNOWN). */
export function isWhatsAppErrorCode(code: string): code is WhatsAppErrorCode {
  return known.has(code)
}
