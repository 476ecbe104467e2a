/** A client's identity and display name, normalized the same way for every source (live, history, export). */
import { extractPhoneFromWhatsAppId, toE164 } from '../../whatsapp/phone'

export interface ClientIdentityInput {
  phone?: string | null
  whatsappId?: string | null
}

export interface NormalizedIdentity {
  phone: string | null
  whatsappId: string | null
}

/**
 * A client's identity from a phone and/or WhatsApp id: phone in E.164 where one is known, the WhatsApp
 * id kept as is. Returns null when neither identifies anybody.
 */
export function normalizeIdentity(input: ClientIdentityInput): NormalizedIdentity | null {
  let phone: string | null = null
  let whatsappId = input.whatsappId?.trim() || null
  if (input.phone) {
    try {
      phone = toE164(input.phone)
    } catch {
      phone = null
    }
  }
  if (whatsappId) {
    const extracted = extractPhoneFromWhatsAppId(whatsappId)
    if (extracted.kind === 'group' || extracted.kind === 'broadcast') return null
    phone ??= extracted.phone
  } else if (phone) {
    whatsappId = `${phone.slice(1)}@c.us`
  }
  if (!phone && !whatsappId) return null
  return { phone, whatsappId }
}

/** A display name fit to store: trimmed, single-spaced, at most 100 characters; junk becomes null. */
export function cleanName(name: string | null | undefined): string | null {
  if (!name) return null
  const cleaned = name
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (!cleaned || !/\p{L}/u.test(cleaned)) return null
  if (/^\+?[\d\s()-]{6,}$/.test(cleaned)) return null
  return cleaned.slice(0, 100)
}
