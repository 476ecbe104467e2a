/**
 * Pairing QR codes are for admins only: a QR scanned by an operator's own phone would link their
 * personal WhatsApp to the organization. Operators still see the status ("an admin must scan").
 */
import type { SessionUser } from '../../../auth/session-user'

/** Whether this user may see pairing QR codes (live session and history import). */
export function canSeePairingQr(user: Pick<SessionUser, 'role'>): boolean {
  return user.role === 'ADMIN' || user.role === 'SUPER_ADMIN'
}

/** The value as it is for admins; for everyone else with its `qrCode` blanked. */
export function withQrForAdminsOnly<T extends { qrCode: string | null } | null>(user: Pick<SessionUser, 'role'>, value: T): T {
  if (!value || canSeePairingQr(user)) return value
  return { ...value, qrCode: null }
}
