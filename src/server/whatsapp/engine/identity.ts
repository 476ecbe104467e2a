/** Normalizing what an engine learned about a customer's identities into our WaIdentity. */
import { extractPhoneFromWhatsAppId } from '../phone'
import type { WaIdentity } from './types'

/**
 * A WaIdentity from raw ids (`<id>@lid`, `<digits>@c.us`, as whatsapp-web.js serializes them). Anything
 * malformed (not a string, a group id, a LID in the phone slot) becomes null instead of a wrong identity.
 */
export function toWaIdentity(rawLid: unknown, rawPhoneId: unknown): WaIdentity {
  const lid = typeof rawLid === 'string' ? extractPhoneFromWhatsAppId(rawLid) : null
  const phone = typeof rawPhoneId === 'string' ? extractPhoneFromWhatsAppId(rawPhoneId) : null
  return {
    lid: lid?.kind === 'lid' ? lid.whatsappId : null,
    phone: phone?.kind === 'phone' ? phone.phone : null,
  }
}

/** The identity a chat id carries by itself: its LID or its phone. */
export function identityOfChat(chatId: string): WaIdentity {
  const extracted = extractPhoneFromWhatsAppId(chatId)
  if (extracted.kind === 'lid') return { lid: extracted.whatsappId, phone: null }
  if (extracted.kind === 'phone') return { lid: null, phone: extracted.phone }
  return { lid: null, phone: null }
}
