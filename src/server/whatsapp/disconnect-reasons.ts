/**
 * What each disconnect reason means, in one table: the session status and admin-facing error code it
 * leads to, and whether it is terminal (reconnecting would not help: a person must scan again or talk
 * to WhatsApp) or not (the client reconnects with backoff).
 */
import type { WhatsAppErrorCode } from '~/shared/whatsapp-error-codes'
import { WhatsAppSessionStatus } from '../db/generated/enums'
import type { WaDisconnectReason } from './engine/types'

export interface DisconnectOutcome {
  status: WhatsAppSessionStatus
  code: WhatsAppErrorCode
  terminal: boolean
}

export const DISCONNECT_REASONS: Readonly<Record<WaDisconnectReason, DisconnectOutcome>> = {
  LOGOUT: { status: WhatsAppSessionStatus.DISCONNECTED, code: 'LOGGED_OUT', terminal: true },
  UNPAIRED: { status: WhatsAppSessionStatus.DISCONNECTED, code: 'LOGGED_OUT', terminal: true },
  QR_EXPIRED: { status: WhatsAppSessionStatus.DISCONNECTED, code: 'QR_EXPIRED', terminal: true },
  BANNED: { status: WhatsAppSessionStatus.ERROR, code: 'BANNED', terminal: true },
  NETWORK: { status: WhatsAppSessionStatus.CONNECTING, code: 'NETWORK', terminal: false },
  CONFLICT: { status: WhatsAppSessionStatus.CONNECTING, code: 'CONFLICT', terminal: false },
  NAVIGATION: { status: WhatsAppSessionStatus.CONNECTING, code: 'NETWORK', terminal: false },
  // WhatsApp refuses this WhatsApp Web build: relaunching loads the same one (pin WHATSAPP_WEB_VERSION or upgrade).
  DEPRECATED_VERSION: { status: WhatsAppSessionStatus.ERROR, code: 'DEPRECATED_VERSION', terminal: true },
  // Linked but never ready: the client relaunches with backoff; a second stall stops it (whatsapp-client.ts).
  LOGIN_STALLED: { status: WhatsAppSessionStatus.CONNECTING, code: 'LOGIN_STALLED', terminal: false },
  UNKNOWN: { status: WhatsAppSessionStatus.CONNECTING, code: 'UNKNOWN', terminal: false },
}

/** True when reconnecting after this reason would not help. */
export function isTerminalDisconnect(reason: WaDisconnectReason): boolean {
  return DISCONNECT_REASONS[reason].terminal
}
